namespace CrossCoaching.Discord;

/// <summary>How the bot reaches Discord. Bound from the <c>Discord</c> section (<c>Discord__Token</c>, …).</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";
    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>The bot token. Also read from <c>DISCORD_TOKEN</c> and <c>/run/secrets/discord_token</c>. Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>REST base URL, default <c>https://discord.com/api/v10</c>.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Gateway URL override; when empty the URL comes from <c>GET /gateway/bot</c>.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>When set, commands are registered to this guild only (instantly) instead of globally.</summary>
    public string? DevGuildId { get; set; }

    /// <summary>Shard of this process (zero-based) when the bot is sharded; leave both shard keys empty otherwise.</summary>
    public int? ShardId { get; set; }

    /// <summary>Total number of shards when the bot is sharded.</summary>
    public int? ShardCount { get; set; }

    public Uri ApiBaseUri => new(ApiBaseUrl.TrimEnd('/') + "/");

    public Snowflake? DevGuild => Snowflake.TryParse(DevGuildId, out var id) ? id : null;

    /// <summary>The options without the token, for log lines and error messages.</summary>
    public override string ToString() =>
        $"ApiBaseUrl={ApiBaseUrl}, GatewayUrl={GatewayUrl ?? "(from /gateway/bot)"}, DevGuildId={DevGuildId ?? "(global)"}";
}
