using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Discord.Interactions;

/// <summary>
/// Registers the slash commands when the gateway is ready: a bulk overwrite to <c>Discord__DevGuildId</c> when set
/// (instant), else globally — and only when the definitions changed since the last registration, because Discord
/// limits command creations per day.
/// </summary>
public sealed class CommandRegistrar(
    InteractionRouter router,
    IDiscordApi api,
    ICommandRegistrationStore store,
    IOptions<DiscordOptions> options,
    ILogger<CommandRegistrar> logger) : IDiscordEventHandler
{
    public async Task HandleAsync(DiscordEvent discordEvent, CancellationToken cancellationToken = default)
    {
        if (discordEvent is BotReady ready)
            await RegisterAsync(ready.ApplicationId, cancellationToken);
    }

    /// <returns>True when the commands were sent to Discord, false when they were already current.</returns>
    public async Task<bool> RegisterAsync(Snowflake applicationId, CancellationToken cancellationToken = default)
    {
        var guild = options.Value.DevGuild;
        var scope = guild?.ToString() ?? "global";
        var definitions = Definitions;
        var hash = Hash(definitions);
        if (await store.GetHashAsync(scope, cancellationToken) == hash)
        {
            logger.LogInformation("Slash commands are up to date ({Scope})", scope);
            return false;
        }

        try
        {
            await api.BulkOverwriteCommandsAsync(applicationId, guild, definitions, cancellationToken);
        }
        catch (DiscordApiException e)
        {
            // The bot keeps running with the previous command set; the next start tries again.
            logger.LogError("Discord refused the slash commands ({Scope}): {Reason}", scope, e.Message);
            return false;
        }

        await store.SaveHashAsync(scope, hash, cancellationToken);
        logger.LogInformation("Registered {Count} slash commands ({Scope})", definitions.Count, scope);
        return true;
    }

    public IReadOnlyList<CommandDefinition> Definitions => [.. router.Commands.Select(c => c.Definition).OrderBy(d => d.Name, StringComparer.Ordinal)];

    public static string Hash(IReadOnlyList<CommandDefinition> definitions)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(definitions, CommandJsonContext.Default.IReadOnlyListCommandDefinition);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }
}

[JsonSerializable(typeof(IReadOnlyList<CommandDefinition>))]
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
internal sealed partial class CommandJsonContext : JsonSerializerContext;
