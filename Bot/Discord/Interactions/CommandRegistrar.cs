using System.Security.Cryptography;
using CrossCoaching.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Discord.Interactions;

/// <summary>
/// Registers the slash commands when the gateway is ready: a bulk overwrite to <c>Discord__DevGuildId</c> when set
/// (instant), else globally — and only when that application's commands in that scope changed since the last
/// registration, because Discord limits command creations per day. A dev guild that held the commands under an earlier
/// setting is emptied first, so that server does not show every command twice.
/// </summary>
public sealed class CommandRegistrar(
    InteractionRouter router,
    IDiscordApi api,
    ICommandRegistrationStore store,
    IOptions<DiscordOptions> options,
    ILogger<CommandRegistrar> logger,
    CommandMentions? mentions = null,
    Storage.InstanceIdentity? instance = null) : IDiscordEventHandler
{
    /// <summary>How long one instance's claim to register keeps the others from registering the same set.</summary>
    public static readonly TimeSpan ClaimHold = TimeSpan.FromMinutes(2);

    /// <summary>Where the ids learned go: the process's own unless a test gives its own.</summary>
    private readonly CommandMentions _mentions = mentions ?? CommandMentions.Current;

    public async Task HandleAsync(DiscordEvent discordEvent, CancellationToken cancellationToken = default)
    {
        if (discordEvent is BotReady ready)
            await RegisterAsync(ready.ApplicationId, cancellationToken);
    }

    /// <returns>True when the commands were sent to Discord, false when they were already current.</returns>
    public async Task<bool> RegisterAsync(Snowflake applicationId, CancellationToken cancellationToken = default)
    {
        var guild = options.Value.DevGuild;
        // Before the up-to-date check: unsetting the dev guild often leaves the global set current already.
        await ClearFormerDevGuildsAsync(applicationId, guild, cancellationToken);
        var scope = Scope(applicationId, guild);
        var definitions = Definitions;
        var hash = Hash(definitions);
        _mentions.LearnNames(definitions);
        if (await store.GetHashAsync(scope, cancellationToken) == hash)
        {
            logger.LogInformation("Slash commands are up to date ({Scope})", scope);
            await LearnHeldIdsAsync(applicationId, guild, cancellationToken);
            return false;
        }

        // Several instances (and every shard's READY) get here together: the one whose claim takes registers.
        if (!await store.TryClaimAsync(scope, hash, instance?.Id ?? "", ClaimHold, cancellationToken))
        {
            logger.LogInformation("Another instance registers the slash commands ({Scope})", scope);
            await LearnHeldIdsAsync(applicationId, guild, cancellationToken);
            return false;
        }

        try
        {
            // Discord answers with the commands and their ids: what command mentions in our texts need.
            _mentions.LearnIds(await api.BulkOverwriteCommandsAsync(applicationId, guild, definitions, cancellationToken));
        }
        catch (DiscordApiException e)
        {
            // The bot keeps running with the previous command set; the next start tries again.
            logger.LogError("Discord refused the slash commands ({Scope}): {Reason}", scope, e.Message);
            await store.ReleaseClaimAsync(scope, instance?.Id ?? "", cancellationToken);
            return false;
        }

        await store.SaveHashAsync(scope, hash, cancellationToken);
        logger.LogInformation("Registered {Count} slash commands ({Scope})", definitions.Count, scope);
        return true;
    }

    /// <summary>
    /// The set is current, so nothing is registered: the ids come from Discord's list, a read that costs none of the
    /// daily creations. Without them texts still name the commands, as code instead of mentions.
    /// </summary>
    private async Task LearnHeldIdsAsync(Snowflake applicationId, Snowflake? guild, CancellationToken cancellationToken)
    {
        try
        {
            _mentions.LearnIds(await api.GetCommandsAsync(applicationId, guild, cancellationToken));
        }
        catch (DiscordException e)
        {
            logger.LogWarning("Could not read the slash commands' ids; texts name them without mentions: {Reason}", e.Message);
        }
    }

    /// <summary>
    /// Empties each guild that got our commands under an earlier <c>Discord__DevGuildId</c>, once: its guild copies
    /// would otherwise sit beside the global ones in that server after the setting is unset or changed.
    /// </summary>
    private async Task ClearFormerDevGuildsAsync(Snowflake applicationId, Snowflake? current, CancellationToken cancellationToken)
    {
        var prefix = $"{applicationId}/guild/";
        foreach (var scope in await store.ListScopesAsync(prefix, cancellationToken))
        {
            if (!Snowflake.TryParse(scope[prefix.Length..], out var former) || former == current)
                continue;
            try
            {
                await api.BulkOverwriteCommandsAsync(applicationId, former, [], cancellationToken);
                logger.LogInformation("Removed the slash commands from the former dev guild {Guild}", former);
            }
            catch (DiscordApiException e) when (e.Status is 403 or 404)
            {
                // The bot is no longer in that server (or it is gone): nothing to clear that we can reach.
                logger.LogInformation("The former dev guild {Guild} is out of reach, forgetting it: {Reason}", former, e.Message);
            }
            catch (DiscordApiException e)
            {
                logger.LogWarning("Could not remove the slash commands from the former dev guild {Guild}, the next start tries again: {Reason}",
                    former, e.Message);
                continue;
            }

            await store.ForgetAsync(scope, cancellationToken);
        }
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
