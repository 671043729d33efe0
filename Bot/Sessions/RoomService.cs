using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Setup;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Sessions;

/// <summary>
/// Creates and deletes session rooms. Creations in one guild go one at a time (the REST client then spaces them by
/// Discord's rate limits) so that the choice of category sees every room made before: a category holds at most 50
/// channels, and when the configured one is full the room goes to an overflow category the bot creates.
/// </summary>
public sealed class RoomService(
    IDiscordApi api,
    IGuildCache cache,
    GuildSettingsRepository settings,
    RoomRepository rooms,
    TimeProvider time,
    ILogger<RoomService> logger)
{
    public const int CategoryCapacity = 50;
    private readonly KeyedLock<Snowflake> _guildLocks = new();

    // Rooms this process is deleting, so that their CHANNEL_DELETE is not taken for a deletion by hand.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Snowflake, byte> _deleting = new();

    /// <summary>Whether the bot itself deleted (or is deleting) this channel.</summary>
    public bool IsOwnDeletion(Snowflake channelId) => _deleting.ContainsKey(channelId);

    /// <summary>The bits of <see cref="RoomPermissions.Required"/> the bot lacks where rooms go (None when unknown yet).</summary>
    public async Task<Permissions> MissingRequiredAsync(Snowflake guildId, CancellationToken cancellationToken = default)
    {
        if (cache.GetGuild(guildId) is null)
            return Permissions.None;
        var category = (await settings.GetAsync(guildId, cancellationToken)).CategoryId;
        return RoomPermissions.Required & ~cache.BotPermissions(guildId, category);
    }

    public async Task<Channel> CreateAsync(Session session, Pair pair, string name, CancellationToken cancellationToken = default)
    {
        using var _ = await _guildLocks.AcquireAsync(session.GuildId, cancellationToken);
        var parent = await ChooseParentAsync(session.GuildId, cancellationToken);
        var bot = cache.CurrentUser?.Id ?? throw new InvalidOperationException("The gateway has not said who the bot is yet.");
        // Before the guild's state arrived the bot cannot know its permissions; it asks for everything and lets
        // Discord say no.
        var holds = cache.GetGuild(session.GuildId) is null ? RoomPermissions.Wanted : cache.BotPermissions(session.GuildId, parent);
        var room = new NewChannel(Truncate(name), ChannelType.GuildVoice, parent, UserLimit: 2,
            Overwrites: RoomPermissions.For(session.GuildId, pair, bot, holds));
        return await api.CreateChannelAsync(session.GuildId, room, $"CrossCoaching session {session.Id}", cancellationToken);
    }

    /// <summary>Deletes a room; one already gone counts as deleted. Empty overflow categories go with their last room.</summary>
    public async Task DeleteAsync(Snowflake guildId, Snowflake roomId, Snowflake? parentId, string reason, CancellationToken cancellationToken = default)
    {
        _deleting[roomId] = 0;
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
            _deleting.TryRemove(roomId, out _);
            throw;
        }

        if (parentId is { } parent && await rooms.IsOverflowCategoryAsync(parent, cancellationToken))
        {
            // Under the guild's lock, so that no creation picks the category while it is being removed.
            using var _ = await _guildLocks.AcquireAsync(guildId, cancellationToken);
            await RemoveOverflowIfEmptyAsync(guildId, parent, except: roomId, cancellationToken);
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
            using var _ = await _guildLocks.AcquireAsync(guildId, cancellationToken);
            await RemoveOverflowIfEmptyAsync(guildId, category, except: default, cancellationToken);
        }
    }

    private async Task<Snowflake?> ChooseParentAsync(Snowflake guildId, CancellationToken cancellationToken)
    {
        var configured = (await settings.GetAsync(guildId, cancellationToken)).CategoryId;
        if (configured is not { } category)
            return null; // top level: no per-category limit
        var live = await rooms.ListLiveRoomsAsync(guildId, cancellationToken);
        if (Occupancy(guildId, category, live) < CategoryCapacity)
            return category;

        foreach (var overflow in await rooms.ListOverflowCategoriesAsync(guildId, cancellationToken))
        {
            if (cache.GetGuild(guildId) is { } g && !g.Channels.ContainsKey(overflow))
            {
                await rooms.RemoveOverflowCategoryAsync(overflow, cancellationToken); // deleted by hand
                continue;
            }

            if (Occupancy(guildId, overflow, live) < CategoryCapacity)
                return overflow;
        }

        var name = cache.GetGuild(guildId)?.Channels.GetValueOrDefault(category)?.Name ?? "CrossCoaching";
        var created = await api.CreateChannelAsync(guildId, new NewChannel(Truncate($"{name} +"), ChannelType.GuildCategory),
            "CrossCoaching: the rooms category is full", cancellationToken);
        await rooms.AddOverflowCategoryAsync(guildId, created.Id, time.GetUtcNow(), cancellationToken);
        logger.LogInformation("Category {Category} is full; rooms now also go to the new category {Overflow}", category, created.Id);
        return created.Id;
    }

    /// <summary>
    /// Channels in a category: the gateway's view of other channels plus our own rooms from the database, which is
    /// current even when the CHANNEL_CREATE of a room made a moment ago has not arrived yet.
    /// </summary>
    private int Occupancy(Snowflake guildId, Snowflake category, IReadOnlyList<(Snowflake RoomId, Snowflake? ParentId)> live)
    {
        var ours = live.Where(r => r.ParentId == category).Select(r => r.RoomId).ToHashSet();
        var others = cache.GetGuild(guildId)?.Channels.Values.Count(c => c.ParentId == category && !ours.Contains(c.Id)) ?? 0;
        return others + ours.Count;
    }

    private async Task RemoveOverflowIfEmptyAsync(Snowflake guildId, Snowflake category, Snowflake except, CancellationToken cancellationToken)
    {
        var live = await rooms.ListLiveRoomsAsync(guildId, cancellationToken);
        var ours = live.Count(r => r.ParentId == category && r.RoomId != except);
        var others = cache.GetGuild(guildId)?.Channels.Values.Count(c => c.ParentId == category && c.Id != except && live.All(r => r.RoomId != c.Id)) ?? 0;
        if (ours + others > 0)
            return;
        try
        {
            await api.DeleteChannelAsync(category, "CrossCoaching: overflow category no longer needed", cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownChannel)
        {
        }

        await rooms.RemoveOverflowCategoryAsync(category, cancellationToken);
    }

    private static string Truncate(string name) => name.Length <= 100 ? name : name[..100];
}
