using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Sessions;

/// <summary>
/// Finds rooms the bot made but never recorded — a crash between Discord's answer and the database write — by their
/// shape: a voice channel whose overwrites hide it from @everyone and open it to exactly a pair's two members and the
/// bot. Such a channel, a few minutes old and tied to no session, is deleted; so is a room that came back not private
/// and could not be deleted at once (see <see cref="UnsafeRooms"/>).
/// </summary>
public sealed class OrphanRooms(
    IGuildCache cache,
    RoomRepository rooms,
    PairRepository pairs,
    RoomService roomService,
    UnsafeRooms unsafeRooms,
    RoomIntents intents,
    TimeProvider time,
    ILogger<OrphanRooms> logger)
{
    /// <summary>Younger channels may be a creation in flight whose id is about to be recorded.</summary>
    public static readonly TimeSpan MinimumAge = TimeSpan.FromMinutes(2);

    public async Task DeleteUntrackedAsync(CancellationToken cancellationToken = default)
    {
        await unsafeRooms.RetryAsync(cancellationToken);
        if (cache.CurrentUser is not { } bot)
            return;
        foreach (var guild in cache.Guilds)
        {
            // Only a server with a channel shaped like a room costs queries: a pass over many servers stays in memory.
            var shaped = guild.Channels.Values.Where(c => c.Type == ChannelType.GuildVoice && c.UserLimit == 2 && c.Overwrites.Count == 4
                && time.GetUtcNow() - c.Id.CreatedAt >= MinimumAge).ToList();
            if (shaped.Count == 0)
                continue;
            var formed = await pairs.ListInGuildAsync(guild.Id, cancellationToken);
            if (formed.Count == 0)
                continue;
            // Read after the rooms a step may be about to take are listed: a step that takes one records it and clears
            // its request in one write, so a room is either tracked by then or its pair still awaiting it here.
            var awaiting = await intents.PairsAwaitingTheirRoomAsync(guild.Id, cancellationToken);
            var tracked = (await rooms.ListLiveRoomsAsync(guild.Id, cancellationToken)).Select(r => r.RoomId).ToHashSet();
            foreach (var channel in shaped)
            {
                if (tracked.Contains(channel.Id) || OwnerOf(guild.Id, channel, bot.Id, formed) is not { } owner)
                    continue;
                if (awaiting.Contains(owner.Id))
                {
                    // Made by a room step cut short: the session's next try takes it (Sessions/LeftRooms); deleting it
                    // now would give the session a second room.
                    logger.LogInformation("Leaving room {Room} in guild {Guild} to the room step of pair {Pair}, which asked for it", channel.Id, guild.Id, owner.Id);
                    continue;
                }
                logger.LogInformation("Deleting room {Room} in guild {Guild}: made by the bot but tied to no session", channel.Id, guild.Id);
                try
                {
                    await roomService.DeleteAsync(guild.Id, channel.Id, channel.ParentId, "CrossCoaching room tied to no session", cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning("Could not delete untracked room {Room}: {Reason}", channel.Id, e.Message);
                }
            }
        }
    }

    /// <summary>The pair whose room this channel looks like, or null when it is not shaped like one of the bot's rooms.</summary>
    private static Pair? OwnerOf(Snowflake guildId, Channel channel, Snowflake bot, IEnumerable<Pair> pairsHere)
    {
        var overwrites = channel.Overwrites;
        if (overwrites.Count != 4 || channel.UserLimit != 2)
            return null;
        var everyone = overwrites.FirstOrDefault(o => o.Id == guildId && o.Type == OverwriteType.Role);
        var botAllow = overwrites.FirstOrDefault(o => o.Id == bot && o.Type == OverwriteType.Member);
        if (everyone is null || !everyone.Deny.HasFlag(Permissions.ViewChannel) || botAllow is null)
            return null;
        var members = overwrites.Where(o => o.Type == OverwriteType.Member && o.Id != bot).Select(o => o.Id).ToHashSet();
        // Any pair of the guild, not only active ones: a crash can also precede an unpair.
        return members.Count == 2 ? pairsHere.FirstOrDefault(p => members.SetEquals(p.Members)) : null;
    }
}
