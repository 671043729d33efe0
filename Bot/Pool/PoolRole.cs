using CrossCoaching.Discord;
using CrossCoaching.Discord.Rest;
using CrossCoaching.GuildSettings;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Pool;

/// <summary>Whether a member holds the role managers restricted the pool to, as Discord says now.</summary>
public enum PoolRoleStanding
{
    /// <summary>The pool has no role, or the member holds it.</summary>
    Holds,

    /// <summary>Still in the server, without the role.</summary>
    Lacks,

    /// <summary>No longer in the server (Discord 10007).</summary>
    Left,

    /// <summary>Discord could not be asked; nothing is decided on it.</summary>
    Unknown,
}

/// <summary>
/// The pool's role, checked where it matters and not only at joining: the role can be taken away, or the pool
/// restricted, while a member waits. Matching asks only about the members it would propose, and accepting asks about
/// the members the pair would rest on; a member's roles come from Discord (a DM interaction carries none, and the bot
/// has no members intent to keep them).
/// </summary>
public sealed class PoolRole(IDiscordApi api, GuildSettingsRepository settings, ILogger<PoolRole> logger)
{
    /// <summary>The role the guild's pool requires, if any.</summary>
    public async Task<Snowflake?> RequiredAsync(Snowflake guildId, CancellationToken cancellationToken) =>
        (await settings.GetAsync(guildId, cancellationToken)).PoolRoleId;

    public async Task<PoolRoleStanding> CheckAsync(Snowflake guildId, Snowflake? role, Snowflake userId, CancellationToken cancellationToken)
    {
        if (role is not { } required)
            return PoolRoleStanding.Holds;
        try
        {
            var member = await api.GetGuildMemberAsync(guildId, userId, cancellationToken);
            return member.RoleIds.Contains(required) ? PoolRoleStanding.Holds : PoolRoleStanding.Lacks;
        }
        catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownMember)
        {
            return PoolRoleStanding.Left;
        }
        catch (DiscordException e)
        {
            logger.LogWarning("Could not check the pool role of member {User} in guild {Guild}: {Reason}", userId, guildId, e.Message);
            return PoolRoleStanding.Unknown;
        }
    }
}
