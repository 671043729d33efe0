using CrossCoaching.Discord;
using CrossCoaching.GuildSettings;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Sessions;

/// <summary>Where a room goes: the configured category, one of the bot's overflow categories, or the top level.</summary>
public sealed record RoomParent(Snowflake? Id, bool IsOverflow)
{
    public static readonly RoomParent TopLevel = new(null, false);
}

/// <summary>
/// Chooses a room's category and keeps the overflow categories the bot makes when the configured one is full.
/// <para>
/// The bot trusts the id Discord gave it for an overflow category until there is proof the category is gone: its
/// CHANNEL_DELETE (see <see cref="RoomEvents"/>) or Discord refusing a room in it. The gateway cache is no such proof:
/// it learns of a category only when its CHANNEL_CREATE arrives, which can be after the next room is wanted, and a
/// category forgotten too early is never removed while a second one is made.
/// </para>
/// Every method here runs under the guild's lock in <see cref="RoomService"/>, which also records each room before
/// letting go: the database then holds every room the bot made, so counting it never misses a creation in flight.
/// </summary>
public sealed class OverflowCategories(
    IDiscordApi api,
    IGuildState guilds,
    GuildSettingsRepository settings,
    RoomRepository rooms,
    TimeProvider time,
    ILogger<OverflowCategories> logger)
{
    public async Task<RoomParent> ChooseAsync(Snowflake guildId, CancellationToken cancellationToken)
    {
        var configured = (await settings.GetAsync(guildId, cancellationToken)).CategoryId;
        if (configured is not { } category)
            return RoomParent.TopLevel; // no per-category limit
        var live = await rooms.ListLiveRoomsAsync(guildId, cancellationToken);
        var facts = await guilds.GetAsync(guildId, cancellationToken);
        if (Occupancy(facts, category, live) < RoomService.CategoryCapacity)
            return new RoomParent(category, IsOverflow: false);

        foreach (var overflow in await rooms.ListOverflowCategoriesAsync(guildId, cancellationToken))
        {
            if (Occupancy(facts, overflow, live) < RoomService.CategoryCapacity)
                return new RoomParent(overflow, IsOverflow: true);
        }

        var name = facts?.CategoryName(category) ?? "CrossCoaching";
        var created = await api.CreateChannelAsync(guildId, new NewChannel(RoomService.Truncate($"{name} +"), ChannelType.GuildCategory),
            "CrossCoaching: the rooms category is full", cancellationToken);
        // Recorded even if the caller has given up meanwhile: a category Discord made and the bot forgot is never removed.
        await rooms.AddOverflowCategoryAsync(guildId, created.Id, time.GetUtcNow(), CancellationToken.None);
        logger.LogInformation("Category {Category} is full; rooms now also go to the new category {Overflow}", category, created.Id);
        return new RoomParent(created.Id, IsOverflow: true);
    }

    /// <summary>
    /// Whether Discord refused a room because its category does not exist: 10003, or a 50035 on <c>parent_id</c>
    /// (https://discord.com/developers/docs/resources/guild#create-guild-channel). A 50035 on another field, such as an
    /// overwrite for a member who left, says nothing about the category.
    /// </summary>
    public static bool SaysCategoryIsGone(DiscordApiException e) =>
        e.Is(DiscordErrorCode.UnknownChannel)
        || (e.Is(DiscordErrorCode.InvalidFormBody)
            && (e.HasFieldError("parent_id", "CHANNEL_PARENT_INVALID") || e.HasFieldError("parent_id", "CHANNEL_PARENT_INVALID_TYPE")));

    public async Task ForgetGoneAsync(Snowflake guildId, Snowflake category, DiscordApiException refusal, CancellationToken cancellationToken)
    {
        logger.LogWarning("Overflow category {Category} of guild {Guild} is gone (Discord answered HTTP {Status}, code {Code}); rooms go elsewhere",
            category, guildId, refusal.Status, refusal.Code);
        await rooms.RemoveOverflowCategoryAsync(category, cancellationToken);
    }

    /// <summary>Deletes an overflow category that holds no channel but <paramref name="except"/> (a room being deleted).</summary>
    public async Task RemoveIfEmptyAsync(Snowflake guildId, Snowflake category, Snowflake except, CancellationToken cancellationToken)
    {
        if (!await rooms.IsOverflowCategoryAsync(category, cancellationToken))
            return; // forgotten or removed while this caller waited for the lock
        var live = await rooms.ListLiveRoomsAsync(guildId, cancellationToken);
        var ours = live.Count(r => r.ParentId == category && r.RoomId != except);
        var others = (await guilds.GetAsync(guildId, cancellationToken))?.ChannelsIn(category).Count(c => c != except && live.All(r => r.RoomId != c)) ?? 0;
        if (ours + others > 0)
            return;
        try
        {
            await api.DeleteChannelAsync(category, "CrossCoaching: overflow category no longer needed", cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownChannel)
        {
        }

        await rooms.RemoveOverflowCategoryAsync(category, CancellationToken.None);
    }

    /// <summary>
    /// Channels in a category: the bot's rooms from the database, which holds every room it made (see the class
    /// summary), plus the other channels the gateway has shown (here, or to the shard's instance, which recorded them).
    /// </summary>
    private static int Occupancy(IGuildFacts? facts, Snowflake category, IReadOnlyList<(Snowflake RoomId, Snowflake? ParentId)> live)
    {
        var ours = live.Where(r => r.ParentId == category).Select(r => r.RoomId).ToHashSet();
        var others = facts?.ChannelsIn(category).Count(c => !ours.Contains(c)) ?? 0;
        return others + ours.Count;
    }
}
