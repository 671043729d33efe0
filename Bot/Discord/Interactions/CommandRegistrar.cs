using System.Security.Cryptography;
using CrossCoaching.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Discord.Interactions;

/// <summary>
/// Registers the slash commands when the gateway is ready: a bulk overwrite to <c>Discord__DevGuildId</c> when set
/// (instant), else globally — and only when that application's commands in that scope changed since the last
/// registration, because Discord limits command creations per day.
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
        var scope = Scope(applicationId, guild);
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

    /// <summary>
    /// Where a registration lives on Discord: each application has its own commands, globally and per guild. Switching
    /// the bot to another application (a test bot, a new one) must register there even if the commands are the same.
    /// </summary>
    public static string Scope(Snowflake applicationId, Snowflake? guild) =>
        guild is { } id ? $"{applicationId}/guild/{id}" : $"{applicationId}/global";

    /// <summary>
    /// Of the exact body the bulk overwrite sends, not of our definitions: a change in how they are written out (a
    /// new default, a field renamed) changes what Discord holds, so it must register again too.
    /// </summary>
    public static string Hash(IReadOnlyList<CommandDefinition> definitions) =>
        Convert.ToHexStringLower(SHA256.HashData(CommandJson.Serialize(definitions)));
}
