using System.Text;
using System.Text.Json;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Cache;
using CrossCoaching.Discord.Members;
using CrossCoaching.GuildSettings;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using Dapper;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.ScaleOut;

/// <summary>
/// Two instances on one PostgreSQL database: A holds the guild's shard (its cache has the guild), B does not. What a room
/// step reads of the guild itself (the bot's permissions, the rooms category's fill and name, the server's locale) B
/// takes from what A recorded, so a step decides the same on either instance; with A dead, B keeps failing closed.
/// </summary>
public sealed class GuildStateOnEitherInstanceTests : IAsyncLifetime
{
    private static readonly Snowflake Rooms = new(6000);

    // Discord refuses an overwrite allowing a bit the bot lacks (50013); Stream is an extra a room can do without.
    private const Permissions BotHolds = RoomPermissions.Wanted & ~Permissions.Stream;

    private string _database = null!;
    private FeatureHarness _a = null!, _b = null!;
    private Pair _pair = null!;
    private Session _session = null!;
    private Permissions _holds = BotHolds;

    public async Task InitializeAsync()
    {
        _database = PostgresServer.Instance.CreateMigratedDatabase();
        _a = await StartAsync(Monday, Settings("instance-a"));
        _b = await StartAsync(Monday, Settings("instance-b"));
        foreach (var h in new[] { _a, _b })
            h.Api.OnCreateChannel((guild, spec) => AllowsBeyond(spec, _holds)
                ? throw FakeDiscordWorld.Refusal(403, DiscordErrorCode.MissingPermissions)
                : FakeDiscordWorld.Room(guild, spec));
        await _a.Get<GuildSettingsRepository>().SaveAsync(new GuildConfig(Guild, CategoryId: Rooms));
        _pair = await _a.PairAsync();
        await _a.RitualAsync(_pair, MondayAt14, reminder: 0);
        _session = (await _a.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
        await ShardAnswersAsync();
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        PostgresServer.Instance.Drop(_database);
    }

    private Dictionary<string, string?> Settings(string id) => new() { ["ConnectionStrings:CrossCoaching"] = _database, ["Instance:Id"] = id };

    private static bool AllowsBeyond(NewChannel spec, Permissions holds) => (spec.Overwrites ?? []).Any(o => (o.Allow & ~holds) != Permissions.None);

    /// <summary>A's cache holds the guild: the rooms category with <paramref name="channels"/> other channels in it.</summary>
    private void ShardHoldsGuild(int channels = 0, string locale = "en-US", Permissions holds = BotHolds)
    {
        _holds = holds;
        var inRooms = Enumerable.Range(1, channels).Select(i => new Channel(new Snowflake(6000 + (ulong)i), ChannelType.GuildText, Guild, Rooms, $"c{i}", []));
        _a.Cache.AddGuild(Guild, holds, [new Channel(Rooms, ChannelType.GuildCategory, Guild, null, "Rooms", []), .. inRooms]);
        _a.Cache.Update(Guild, g => g with { PreferredLocale = locale });
    }

    /// <summary>The gateway told A of the guild (GUILD_CREATE): A records it, as its recorder does after the burst.</summary>
    private async Task ShardRecordsAsync()
    {
        _a.Get<GuildChanges>().Mark(Guild);
        await _a.Get<GuildStateRecorder>().FlushAsync();
    }

    /// <summary>A's gateway answered its member request: both partners are in the guild (B needs no REST look-up).</summary>
    private Task ShardAnswersAsync() =>
        _a.Get<MemberEvents>().OnDispatchAsync("GUILD_MEMBERS_CHUNK", JsonDocument.Parse(Encoding.UTF8.GetBytes(
            $$"""{"guild_id":"{{Guild}}","chunk_index":0,"chunk_count":1,"members":[{{Member(Alice)}},{{Member(Bob)}}],"not_found":[]}""")).RootElement).AsTask();

    private static string Member(Snowflake id) => $$$"""{"user":{"id":"{{{id}}}","username":"u{{{id}}}"}}""";

    /// <summary>B opens the session at its due time; A's heartbeat says it is alive then (or died long before).</summary>
    private async Task OpenOnBAsync(bool shardAlive = true)
    {
        var due = (await _b.Get<SessionRepository>().GetStepsAsync(_session.Id)).Single(x => x.Step == SessionStep.Open).DueAt;
        foreach (var h in new[] { _a, _b })
            if (h.Time.GetUtcNow() < due)
                h.Time.SetUtcNow(due);
        var seen = shardAlive ? due : due - TimeSpan.FromMinutes(5);
        await using (var connection = await _a.Connections.OpenAsync())
            await connection.ExecuteAsync(
                "INSERT INTO instances (id, started_at, seen_at) VALUES ('instance-a', @seen, @seen) ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at",
                new { seen });
        try
        {
            await _b.Get<SessionRunner>().RunAsync(_session.Id, SessionStep.Open);
        }
        catch (DiscordApiException)
        {
            // Discord refused the room: the step fails closed, to be retried.
        }

        await Task.WhenAll(_a.DrainAsync(), _b.DrainAsync());
    }

    private async Task<Session> ReloadAsync() => (await _b.Get<SessionRepository>().GetAsync(_session.Id))!;

    [Fact]
    public async Task A_room_without_an_extra_the_bot_lacks_is_made_on_the_instance_without_the_shard_as_on_the_shards()
    {
        ShardHoldsGuild();
        await ShardRecordsAsync();

        await OpenOnBAsync();

        var room = Assert.Single(_b.Api.ChannelsCreated(), c => c.Type == ChannelType.GuildVoice);
        var expected = RoomPermissions.For(Guild, _pair, FakeGuildCache.Bot, _a.Cache.BotPermissions(Guild, Rooms)!.Value);
        Assert.Equal(expected, room.Overwrites);
        Assert.Equal(Rooms, room.ParentId);
        Assert.NotNull((await ReloadAsync()).RoomChannelId);
    }

    [Fact]
    public async Task A_full_rooms_category_sends_the_room_to_an_overflow_category_on_the_instance_without_the_shard()
    {
        ShardHoldsGuild(channels: RoomService.CategoryCapacity);
        await ShardRecordsAsync();

        await OpenOnBAsync();

        var overflow = Assert.Single(_b.Api.ChannelsCreated(), c => c.Type == ChannelType.GuildCategory);
        Assert.Equal("Rooms +", overflow.Name);
        var session = await ReloadAsync();
        Assert.NotNull(session.RoomChannelId);
        Assert.NotEqual(Rooms, session.RoomParentId);
        Assert.Equal([session.RoomParentId!.Value], await _b.Get<RoomRepository>().ListOverflowCategoriesAsync(Guild));
    }

    [Fact]
    public async Task The_servers_French_locale_speaks_in_the_room_the_instance_without_the_shard_made()
    {
        ShardHoldsGuild(locale: "fr", holds: RoomPermissions.Wanted); // the room is made on either instance: only the words differ
        await ShardRecordsAsync();

        await OpenOnBAsync();

        var room = (await ReloadAsync()).RoomChannelId!.Value;
        var welcome = Assert.Single([.. _a.Api.MessagesIn(room), .. _b.Api.MessagesIn(room)]);
        Assert.Contains("votre salon est ouvert", welcome.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_shards_instance_dead_its_record_is_not_trusted_and_the_room_fails_closed_as_before()
    {
        ShardHoldsGuild();
        await ShardRecordsAsync();

        await OpenOnBAsync(shardAlive: false);

        // Nothing known of the guild: every extra asked for, Discord refuses, and no room is made.
        var asked = Assert.Single(_b.Api.ChannelsCreated());
        Assert.True(AllowsBeyond(asked, BotHolds));
        Assert.Null((await ReloadAsync()).RoomChannelId);
    }

    [Fact]
    public async Task A_record_claiming_a_permission_the_bot_lost_makes_Discord_refuse_the_room_and_none_is_made()
    {
        ShardHoldsGuild();
        await ShardRecordsAsync();
        // The bot lost Connect since the record was written, a change that has not reached the record yet.
        foreach (var h in new[] { _a, _b })
            h.Api.OnCreateChannel((_, _) => throw FakeDiscordWorld.Refusal(403, DiscordErrorCode.MissingPermissions));

        await OpenOnBAsync();

        Assert.Single(_b.Api.ChannelsCreated());
        Assert.Null((await ReloadAsync()).RoomChannelId);
        Assert.Empty(await _b.Get<RoomRepository>().ListLiveRoomsAsync(Guild));
    }
}
