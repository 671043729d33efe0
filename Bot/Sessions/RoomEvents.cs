using CrossCoaching.Discord;
using CrossCoaching.GuildSettings;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Sessions;

/// <summary>
/// What the gateway says about session rooms: who joins and leaves them (attendance), the voice states a guild reports
/// when it becomes available (after a restart), a room deleted by hand (the session ends there, cleanly), and the rooms
/// category deleted by hand (rooms go elsewhere, see <see cref="LostCategory"/>).
/// </summary>
public sealed class RoomEvents(
    SessionRepository sessions,
    AttendanceRepository attendance,
    SessionEnder ender,
    RoomRepository rooms,
    RoomService roomService,
    IGuildCache cache,
    GuildSettingsRepository settings,
    LostCategory lostCategory,
    TimeProvider time,
    ILogger<RoomEvents> logger) : IDiscordEventHandler
{
    public Task HandleAsync(DiscordEvent discordEvent, CancellationToken cancellationToken = default) => discordEvent switch
    {
        VoiceStateChanged voice => OnVoiceAsync(voice, cancellationToken),
        GuildAvailable guild => OnGuildAvailableAsync(guild, cancellationToken),
        ChannelDeleted deleted => OnChannelDeletedAsync(deleted.Channel, cancellationToken),
        _ => Task.CompletedTask,
    };

    private async Task OnVoiceAsync(VoiceStateChanged voice, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (voice.PreviousChannelId is { } left && left != voice.ChannelId && await sessions.FindByRoomAsync(left, cancellationToken) is { } from)
            await attendance.LeaveAsync(from.Id, voice.UserId, now, cancellationToken);
        if (voice.ChannelId is { } joined && await sessions.FindByRoomAsync(joined, cancellationToken) is { IsFinished: false } to)
            await attendance.JoinAsync(to.Id, voice.UserId, now, cancellationToken);
    }

    /// <summary>After a restart or an outage, the guild's voice states say who is in which room now.</summary>
    private async Task OnGuildAvailableAsync(GuildAvailable guild, CancellationToken cancellationToken)
    {
        // GUILD_CREATE lists every channel: a rooms category missing from it was deleted while the bot was away.
        if ((await settings.GetAsync(guild.GuildId, cancellationToken)).CategoryId is { } category
            && cache.GetGuild(guild.GuildId) is { } known && !known.Channels.ContainsKey(category))
            await lostCategory.ForgetAsync(guild.GuildId, category, "absent from GUILD_CREATE", cancellationToken);

        var now = time.GetUtcNow();
        var present = guild.VoiceStates.ToLookup(v => v.ChannelId, v => v.UserId);
        // Only the guild's sessions with a room: each of a thousand GUILD_CREATEs at start reading every session was
        // most of a large community's start-up.
        foreach (var session in await sessions.ListUnfinishedWithRoomInGuildAsync(guild.GuildId, cancellationToken))
        {
            if (session.RoomChannelId is not { } room)
                continue;
            var here = present[room].ToHashSet();
            foreach (var stay in await attendance.ListAsync(session.Id, cancellationToken))
                if (stay.LeftAt is null && !here.Contains(stay.UserId))
                    await attendance.LeaveAsync(session.Id, stay.UserId, now, cancellationToken);
            foreach (var user in here)
                await attendance.JoinAsync(session.Id, user, now, cancellationToken);
            if (cache.GetGuild(guild.GuildId) is { } g && !g.Channels.ContainsKey(room))
                await OnRoomGoneAsync(session, cancellationToken); // deleted while the bot was away
        }
    }

    private async Task OnChannelDeletedAsync(Channel channel, CancellationToken cancellationToken)
    {
        if (await roomService.IsOwnDeletionAsync(channel.Id, cancellationToken))
            return; // the bot's own close: the session is ending already
        if (await sessions.FindByRoomAsync(channel.Id, cancellationToken) is { IsFinished: false } session)
            await OnRoomGoneAsync(session, cancellationToken);
        else if (channel.Type == ChannelType.GuildCategory && await rooms.IsOverflowCategoryAsync(channel.Id, cancellationToken))
            await rooms.RemoveOverflowCategoryAsync(channel.Id, cancellationToken);
        else if (channel is { Type: ChannelType.GuildCategory, GuildId: { } guildId })
            await lostCategory.ForgetAsync(guildId, channel.Id, "CHANNEL_DELETE", cancellationToken);
    }

    private async Task OnRoomGoneAsync(Session session, CancellationToken cancellationToken)
    {
        if (session.Status == SessionStatus.Open)
        {
            logger.LogInformation("The room of session {Session} was deleted by hand; ending the session", session.Id);
            await ender.CloseAsync(session.Id, roomDeletedByHand: true, cancellationToken);
        }
        else
        {
            // Prepared ahead and deleted before the slot: forget it, and opening makes a new one.
            await sessions.SetRoomAsync(session.Id, null, null, cancellationToken);
        }
    }
}
