using CrossCoaching.Discord;
using CrossCoaching.GuildSettings;
using CrossCoaching.Storage;
using CrossCoaching.Pairs;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Sessions;

/// <summary>
/// Creates and deletes session rooms. Creations in one guild go one at a time (the REST client then spaces them by
/// Discord's rate limits) so that the choice of category sees every room made before: a category holds at most 50
/// channels, and when the configured one is full the room goes to an overflow category the bot creates (see
/// <see cref="OverflowCategories"/>), removed under the same lock once empty. The lock holds across instances.
/// </summary>
public sealed class RoomService(
    IDiscordApi api,
    IGuildCache cache,
    IGuildState guilds,
    GuildSettingsRepository settings,
    SessionRepository sessions,
    RoomRepository rooms,
    OverflowCategories overflows,
    LostCategory lostCategory,
    UnsafeRooms unsafeRooms,
    IClusterLocks locks,
    RoomDeletions deletions,
    LeftRooms leftRooms,
    RoomIntents intents,
    ILogger<RoomService> logger)
{
    public const int CategoryCapacity = 50;

    // Each attempt forgets one overflow category Discord says is gone; the cap stops a guild whose categories vanish as
    // fast as the bot makes them from holding its lock for ever (the step is then retried later).
    private const int MaxAttempts = 3;

    /// <summary>
    /// Whether the bot itself (any instance) deleted or is deleting this channel. Asked once, by the channel's
    /// CHANNEL_DELETE, and forgotten then (see <see cref="RoomDeletions"/>).
    /// </summary>
    public Task<bool> IsOwnDeletionAsync(Snowflake channelId, CancellationToken cancellationToken = default) => deletions.TakeAsync(channelId, cancellationToken);

    /// <summary>Own deletions whose CHANNEL_DELETE has not been seen yet.</summary>
    public Task<long> DeletionsAwaitingEventAsync() => deletions.CountAsync();

    /// <summary>The guild's room lock, held by every instance's creations and overflow removals (<see cref="IClusterLocks"/>).</summary>
    private Task<IAsyncDisposable> LockGuildAsync(Snowflake guildId, CancellationToken cancellationToken) =>
        locks.AcquireAsync(LockScope.RoomGuild, (long)guildId.Value, cancellationToken);

    /// <summary>
    /// The bits of <see cref="RoomPermissions.Required"/> the bot surely lacks where rooms go. None when neither the cache
    /// nor the shard's instance's record can tell (the guild, or a category whose CHANNEL_CREATE or CHANNEL_DELETE is
    /// still on the way): the bot then asks Discord, which refuses if a bit is missing, and the room path learns whether
    /// the category is gone.
    /// </summary>
    public async Task<Permissions> MissingRequiredAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        var category = (await settings.GetAsync(guildId, cancellationToken)).CategoryId;
        var facts = await guilds.GetAsync(guildId, cancellationToken);
        return facts?.BotPermissions(category) is { } known ? RoomPermissions.Required & ~known : Permissions.None;
    }

    /// <summary>Creates the session's room and records it on the session.</summary>
    public async Task<Channel> CreateAsync(Session session, Pair pair, string name, CancellationToken cancellationToken = default)
    {
        var bot = cache.CurrentUser?.Id ?? throw new InvalidOperationException("The gateway has not said who the bot is yet.");
        await using var _ = await LockGuildAsync(session.GuildId, cancellationToken);
        // A crash or a lost answer between Discord's answer and the database write may have left this session's room
        // untracked: it is taken rather than a second one made beside it.
        if (await leftRooms.FindAsync(session, pair, Truncate(name), bot, cancellationToken) is { } left)
            return await TakeAsync(session, left);

        // Committed before the request leaves: whatever stops this try after it, the next one knows to look for the room.
        await intents.RecordAsync(session.Id, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var parent = await overflows.ChooseAsync(session.GuildId, cancellationToken);
            var facts = await guilds.GetAsync(session.GuildId, cancellationToken);
            try
            {
                var room = await api.CreateChannelAsync(session.GuildId, Spec(session, pair, name, bot, parent.Id, facts), $"CrossCoaching session {session.Id}", cancellationToken);
                if (!RoomPermissions.IsPrivate(room, session.GuildId, pair, bot))
                {
                    var refusal = await unsafeRooms.DiscardAsync(session.Id, session.GuildId, room.Id);
                    await intents.ClearAsync(session.Id, CancellationToken.None); // the room is deleted, or kept for deletion
                    throw refusal;
                }

                // Recorded before the lock is let go, so that the next choice of category and the removal of an empty
                // overflow category, which count rooms in the database, see this one; and recorded even if the caller
                // has given up meanwhile, since the room exists.
                await sessions.SetRoomAsync(session.Id, room.Id, room.ParentId, CancellationToken.None);
                return room;
            }
            catch (DiscordApiException e) when (parent is { IsOverflow: true, Id: { } gone } && OverflowCategories.SaysCategoryIsGone(e) && attempt < MaxAttempts)
            {
                await overflows.ForgetGoneAsync(session.GuildId, gone, e, cancellationToken);
            }
            catch (DiscordApiException e) when (parent is { IsOverflow: false, Id: { } gone } && OverflowCategories.SaysCategoryIsGone(e) && attempt < MaxAttempts)
            {
                // The configured category was deleted by hand and the gateway has not said so yet: rooms go elsewhere
                // from now on, and the server's managers hear of it.
                await lostCategory.ForgetAsync(session.GuildId, gone, $"Discord answered HTTP {e.Status}, code {e.Code}", cancellationToken);
            }
            catch (DiscordException e) when (e is DiscordApiException { Status: >= 400 and < 500 } or DiscordUnavailableException { MayHaveBeenProcessed: false })
            {
                // Refused, or never reached Discord: no room was made, so the next try need not look for one.
                await intents.ClearAsync(session.Id, CancellationToken.None);
                throw;
            }
            catch (DiscordException e) when (e is DiscordApiException { Status: >= 500 } or DiscordUnavailableException && attempt < MaxAttempts)
            {
                // A 5xx or no answer: Discord may have made the room all the same (a proxy's 502 after the work), so it is
                // looked for before the request is sent again; the REST client leaves this retry to us for that reason.
                logger.LogInformation("Discord did not confirm the room of session {Session} ({Reason}); looking whether it was made", session.Id, e.Message);
                if (await leftRooms.FindAsync(session, pair, Truncate(name), bot, cancellationToken) is { } made)
                    return await TakeAsync(session, made);
            }
        }
    }

    private async Task<Channel> TakeAsync(Session session, Channel room)
    {
        logger.LogInformation("Taking room {Room}, made for session {Session} by a try cut short, instead of making another", room.Id, session.Id);
        await sessions.SetRoomAsync(session.Id, room.Id, room.ParentId, CancellationToken.None);
        return room;
    }

    /// <summary>Deletes a room; one already gone counts as deleted. Empty overflow categories go with their last room.</summary>
    public async Task DeleteAsync(Snowflake guildId, Snowflake roomId, Snowflake? parentId, string reason, CancellationToken cancellationToken = default)
    {
        await deletions.NoteAsync(roomId, cancellationToken);
        try
        {
            await api.DeleteChannelAsync(roomId, reason, cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownChannel)
        {
            logger.LogInformation("Room {Room} was already gone", roomId);
        }
        catch
        {
            await deletions.TakeAsync(roomId, CancellationToken.None);
            throw;
        }

        if (parentId is { } parent && await rooms.IsOverflowCategoryAsync(parent, cancellationToken))
        {
            // Under the guild's lock: no creation picks the category while it is being removed, and a room being made
            // in it is recorded, and so counted, before the removal looks.
            await using var _ = await LockGuildAsync(guildId, cancellationToken);
            await overflows.RemoveIfEmptyAsync(guildId, parent, except: roomId, cancellationToken);
        }
    }

    /// <summary>
    /// Removes overflow categories left empty. Closing rooms also tries, but rooms closing at the same moment each see
    /// the others still there; this pass, from the reconciler, sees them all gone.
    /// </summary>
    public async Task RemoveEmptyOverflowsAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        foreach (var category in await rooms.ListOverflowCategoriesAsync(guildId, cancellationToken))
        {
            await using var _ = await LockGuildAsync(guildId, cancellationToken);
            await overflows.RemoveIfEmptyAsync(guildId, category, except: default, cancellationToken);
        }
    }

    /// <summary>
    /// The room. What the bot holds where the room goes decides only the extras (see <see cref="RoomPermissions"/>):
    /// Discord checks a new room's overwrites against the bot's guild-level permissions, which the bot knows once the
    /// guild arrived (here, or recorded by the shard's instance), widened by the category's when that is known. A
    /// category not known yet (an overflow category whose CHANNEL_CREATE is late) adds nothing; when nothing is known of
    /// the guild the bot asks for everything and lets Discord say no.
    /// </summary>
    private static NewChannel Spec(Session session, Pair pair, string name, Snowflake bot, Snowflake? parent, IGuildFacts? facts)
    {
        var holds = facts?.BotPermissions() is { } guildLevel
            ? guildLevel | (parent is null ? Permissions.None : facts.BotPermissions(parent) ?? Permissions.None)
            : RoomPermissions.Wanted;
        return new NewChannel(Truncate(name), ChannelType.GuildVoice, parent, UserLimit: 2, Overwrites: RoomPermissions.For(session.GuildId, pair, bot, holds));
    }

    internal static string Truncate(string name) => name.Length <= 100 ? name : name[..100];
}
