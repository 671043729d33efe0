using System.Text;
using System.Text.Json;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Members;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using Dapper;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.ScaleOut;

/// <summary>
/// Two instances on one PostgreSQL database: A holds the guild's shard (its gateway cache has the guild, its gateway
/// answers member requests and sees voice states), B does not (its cache has never heard of the guild). A session's
/// step may run on either; run on B, it decides as it would on A, from what A recorded in the database, and without
/// the REST look-ups B's empty cache used to cost.
/// </summary>
public sealed class StepsOnEitherInstanceTests : IAsyncLifetime
{
    private string _database = null!;
    private FeatureHarness _a = null!, _b = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        _database = PostgresServer.Instance.CreateMigratedDatabase();
        _a = await StartAsync(Monday, Settings("instance-a"));
        _b = await StartAsync(Monday, Settings("instance-b"));
        _a.Cache.AddGuild(Guild, RoomPermissions.Wanted | Permissions.EmbedLinks);
        _pair = await _a.PairAsync();
        await _a.RitualAsync(_pair, MondayAt14, reminder: 0);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        PostgresServer.Instance.Drop(_database);
    }

    private Dictionary<string, string?> Settings(string id) => new() { ["ConnectionStrings:CrossCoaching"] = _database, ["Instance:Id"] = id };

    private static int MemberLookups(FeatureHarness h) => h.Api.Calls.Count(c => c.Method == nameof(IDiscordApi.GetGuildMemberAsync));

    /// <summary>A's gateway answers its member request (Request Guild Members), as it does for the guilds of its shard.</summary>
    private ValueTask ShardAnswersAsync(string members, string notFound) =>
        _a.Get<MemberEvents>().OnDispatchAsync("GUILD_MEMBERS_CHUNK", JsonDocument.Parse(Encoding.UTF8.GetBytes(
            $$"""{"guild_id":"{{Guild}}","chunk_index":0,"chunk_count":1,"members":[{{members}}],"not_found":[{{notFound}}]}""")).RootElement);

    private static string Member(Snowflake id) => $$$"""{"user":{"id":"{{{id}}}","username":"u{{{id}}}"}}""";

    [Fact]
    public async Task A_partner_the_shards_instance_found_gone_ends_the_pair_on_the_other_instance_without_a_REST_look_up()
    {
        var session = (await _a.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
        await ShardAnswersAsync(Member(Alice), $"\"{Bob}\"");

        await RunOnBAtDueAsync(session, SessionStep.Prepare);

        Assert.Empty(_b.Api.ChannelsCreated());
        Assert.Equal(PairStatus.Suspended, (await _b.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
        Assert.Equal(0, MemberLookups(_b));
    }

    [Fact]
    public async Task A_room_for_partners_the_shards_instance_found_is_made_on_the_other_instance_without_a_REST_look_up()
    {
        var session = (await _a.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
        await ShardAnswersAsync($"{Member(Alice)},{Member(Bob)}", "");

        await RunOnBAtDueAsync(session, SessionStep.Prepare);

        Assert.Single(_b.Api.ChannelsCreated());
        Assert.Equal(0, MemberLookups(_b));
    }

    [Fact]
    public async Task The_time_box_warning_follows_who_the_shards_instance_saw_in_the_room_on_either_instance()
    {
        var session = (await _a.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
        await ShardAnswersAsync($"{Member(Alice)},{Member(Bob)}", "");
        await RunOnBAtDueAsync(session, SessionStep.Open);
        var room = (await _b.Get<SessionRepository>().GetAsync(session.Id))!.RoomChannelId!.Value;
        Assert.Equal(1, await MessagesInAsync(room)); // the welcome

        // Nobody came: the room is empty in A's record, and B, which sees no voice state of the guild, posts nothing.
        await RunOnBAtDueAsync(session, SessionStep.Warn);
        Assert.Equal(1, await MessagesInAsync(room));

        // The same room with Alice in it (A recorded her join): B posts the warning of the next session that has one.
        var next = (await _a.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
        await ShardAnswersAsync($"{Member(Alice)},{Member(Bob)}", "");
        await RunOnBAtDueAsync(next, SessionStep.Open);
        var nextRoom = (await _b.Get<SessionRepository>().GetAsync(next.Id))!.RoomChannelId!.Value;
        await _a.Get<AttendanceRepository>().JoinAsync(next.Id, Alice, _b.Time.GetUtcNow());
        await RunOnBAtDueAsync(next, SessionStep.Warn);
        Assert.Equal(2, await MessagesInAsync(nextRoom));
    }

    /// <summary>The messages posted in a room by either instance (the outbox's senders on both take the rows).</summary>
    private async Task<int> MessagesInAsync(Snowflake room)
    {
        await Task.WhenAll(_a.DrainAsync(), _b.DrainAsync());
        return _a.Api.MessagesIn(room).Count + _b.Api.MessagesIn(room).Count;
    }

    /// <summary>
    /// B runs the step at its due time; both clocks move together, as two processes' do, and A's heartbeat says it is
    /// alive then, so its record of the room stands.
    /// </summary>
    private async Task RunOnBAtDueAsync(Session session, SessionStep step)
    {
        var due = (await _b.Get<SessionRepository>().GetStepsAsync(session.Id)).Single(x => x.Step == step).DueAt;
        foreach (var h in new[] { _a, _b })
            if (h.Time.GetUtcNow() < due)
                h.Time.SetUtcNow(due);
        await using (var connection = await _a.Connections.OpenAsync())
            await connection.ExecuteAsync(
                "INSERT INTO instances (id, started_at, seen_at) VALUES ('instance-a', @at, @at) ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at",
                new { at = _a.Time.GetUtcNow() });
        await _b.Get<SessionRunner>().RunAsync(session.Id, step);
    }
}
