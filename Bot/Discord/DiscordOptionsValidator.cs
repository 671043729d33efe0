using Microsoft.Extensions.Options;

namespace CrossCoaching.Discord;

/// <summary>Checks the Discord section on start; each message names the key an operator sets.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public const string MissingTokenMessage =
        "CrossCoaching needs a Discord bot token and none was given. Set the environment variable DISCORD_TOKEN " +
        "(or Discord__Token, or put the token in the file /run/secrets/discord_token). To get a token, open " +
        "https://discord.com/developers/applications, pick or create your application, open its \"Bot\" page and " +
        "press \"Reset Token\"; keep the token secret, it gives full control of the bot.";

    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token))
            errors.Add(MissingTokenMessage);
        else if (options.Token.Any(char.IsWhiteSpace))
            // The token itself is never echoed, not even in part.
            errors.Add("DISCORD_TOKEN contains spaces or line breaks; paste the token alone, without the \"Bot \" prefix.");

        if (!IsAbsolute(options.ApiBaseUrl, "http", "https"))
            errors.Add($"Discord__ApiBaseUrl is '{options.ApiBaseUrl}'; it must be an absolute http(s) URL such as {DiscordOptions.DefaultApiBaseUrl}.");

        if (!string.IsNullOrWhiteSpace(options.GatewayUrl) && !IsAbsolute(options.GatewayUrl, "ws", "wss"))
            errors.Add($"Discord__GatewayUrl is '{options.GatewayUrl}'; it must be an absolute ws:// or wss:// URL, or be left empty.");

        if (!string.IsNullOrWhiteSpace(options.DevGuildId) && options.DevGuild is null)
            errors.Add($"Discord__DevGuildId is '{options.DevGuildId}'; it must be a guild id (digits only), or be left empty.");

        if (options.ShardId.HasValue && !options.ShardCount.HasValue)
            errors.Add("Discord__ShardId needs Discord__ShardCount: set both to pin one shard, only the count to run or share them all, or neither.");
        else if (options.ShardCount is { } count && (count < 1 || options.ShardId < 0 || options.ShardId >= count))
            errors.Add($"Discord__ShardId must be from 0 to Discord__ShardCount - 1, and Discord__ShardCount at least 1 (got {options.ShardId} of {count}).");

        if (options.ShardLeaseSeconds is < 8 or > 600)
            errors.Add($"Discord__ShardLeaseSeconds is {options.ShardLeaseSeconds}; it must be from 8 to 600 (default 40, which takes over a dead instance's shards within a minute).");

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsAbsolute(string? value, params string[] schemes) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase);
}
