using CrossCoaching.Discord;
using CrossCoaching.GuildSettings;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Dapper;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Fakes.TestInteractions;

namespace CrossCoaching.Tests.Cluster;

/// <summary>
/// Two instances on one PostgreSQL database doing the same thing at the same moment: each thing happens once. With the
/// in-process locks of a single instance, each of these raced (two rooms, two invitations and no pair, a full category
/// overfilled, every message sent twice).
/// </summary>
public sealed class ClusterRaceTests
{
    /// <summary>Discord's answer takes a while, as over the network: the window in which two instances race.</summary>
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(150);

    [Fact]
    public async Task Two_instances_start_on_one_database_each_under_its_own_id()
    {
        await using var two = await TwoInstances.StartAsync(Monday);

        await using var connection = await two.A.Connections.OpenAsync();
        var ids = await connection.QueryAsync<string>("SELECT id FROM instances ORDER BY id");
        Assert.Equal(["instance-a", "instance-b"], ids);
    }

    [Fact]
    public async Task A_step_run_by_two_instances_at_once_makes_one_room_and_one_welcome()
    {
        await using var two = await TwoInstances.StartAsync(Monday);
        foreach (var h in two.Both)
        {
            h.Cache.AddGuild(Guild, RoomPermissions.Wanted | Permissions.EmbedLinks);
            h.Api.OnCreateChannel((guild, spec) => Slowly(() => FakeDiscordWorld.Room(guild, spec)));
        }
        var pair = await two.A.PairAsync();
        await two.A.RitualAsync(pair, MondayAt14);
        var session = (await two.A.Get<SessionPlanner>().PlanNextAsync(pair.Id))!;
        foreach (var h in two.Both)
            h.Time.SetUtcNow(session.SlotAt);

        await two.RaceAsync(h => h.Get<SessionRunner>().RunAsync(session.Id, SessionStep.Open));
        await Task.WhenAll(two.Both.Select(h => h.DrainAsync()));

        Assert.Single(two.Both.SelectMany(h => h.Api.ChannelsCreated()));
        var room = (await two.A.Get<SessionRepository>().GetAsync(session.Id))!.RoomChannelId!.Value;
        Assert.Single(two.Both.SelectMany(h => h.Api.MessagesIn(room)));
    }

    [Fact]
    public async Task Two_members_inviting_each_other_on_two_instances_at_the_same_moment_end_up_with_one_pair()
    {
        await using var two = await TwoInstances.StartAsync(Monday);
        foreach (var h in two.Both)
            h.Api.On(nameof(IDiscordApi.EditOriginalResponseAsync), _ => new Message(new Snowflake(4242), HomeChannel));
        var (alice, bob) = (User(Alice, "Alice"), User(Bob, "Bob"));

        // A write held open stalls each /pair between its checks and its insert (as in PairCommandTests), here with
        // each command on its own instance.
        await using (var writer = await two.A.Connections.OpenAsync())
        {
            var hold = await writer.BeginWriteAsync();
            var both = Task.WhenAll(Task.Run(() => InviteAsync(two.A, alice, bob)), Task.Run(() => InviteAsync(two.B, bob, alice)));
            await Task.Delay(300);
            await hold.RollbackAsync();
            await hold.DisposeAsync();
            await both.WaitAsync(TimeSpan.FromSeconds(30));
        }

        var pair = Assert.Single(await two.A.Get<PairRepository>().ListActiveAsync());
        Assert.Equal([Alice, Bob], new[] { pair.MemberA, pair.MemberB }.Order());
        Assert.Empty(await two.A.Get<InvitationRepository>().ListPendingInvolvingAsync(Guild, [Alice, Bob]));
    }

    [Fact]
    public async Task Two_instances_opening_rooms_in_one_guild_at_once_never_overfill_its_category()
    {
        var configured = new Snowflake(6000);
        await using var two = await TwoInstances.StartAsync(Monday);
        // The configured category holds 49 channels: one more room fits; the next needs an overflow category.
        var channels = Enumerable.Range(1, RoomService.CategoryCapacity - 1)
            .Select(i => new Channel(new Snowflake(6000 + (ulong)i), ChannelType.GuildText, Guild, configured, $"c{i}", [])).ToArray();
        foreach (var h in two.Both)
        {
            h.Cache.AddGuild(Guild, RoomPermissions.Wanted, [new Channel(configured, ChannelType.GuildCategory, Guild, null, "Rooms", []), .. channels]);
            h.Api.OnCreateChannel((guild, spec) => Slowly(() => FakeDiscordWorld.Room(guild, spec)));
        }
        await two.A.Get<GuildSettingsRepository>().SaveAsync(new GuildConfig(Guild, CategoryId: configured));
        var sessions = new List<Session>();
        foreach (var (a, b) in new[] { (Alice, Bob), (new Snowflake(13), new Snowflake(14)) })
        {
            var pair = await two.A.PairAsync(a, b);
            await two.A.RitualAsync(pair, MondayAt14);
            sessions.Add((await two.A.Get<SessionPlanner>().PlanNextAsync(pair.Id))!);
        }
        foreach (var h in two.Both)
            h.Time.SetUtcNow(sessions[0].SlotAt);

        await Task.WhenAll(
            Task.Run(() => two.A.Get<SessionRunner>().RunAsync(sessions[0].Id, SessionStep.Open)),
            Task.Run(() => two.B.Get<SessionRunner>().RunAsync(sessions[1].Id, SessionStep.Open)));

        var created = two.Both.SelectMany(h => h.Api.ChannelsCreated()).ToList();
        Assert.Single(created, c => c.Type == ChannelType.GuildVoice && c.ParentId == configured);
        Assert.Single(created, c => c.Type == ChannelType.GuildCategory);
        Assert.Single(await two.A.Get<RoomRepository>().ListOverflowCategoriesAsync(Guild));
    }

    [Fact]
    public async Task Messages_owed_are_sent_once_when_two_instances_work_the_outbox()
    {
        await using var two = await TwoInstances.StartAsync(Monday);
        foreach (var h in two.Both)
            h.Api.OnCreateMessage((channel, _) => Slowly(() => new Message(FakeDiscordWorld.NextId(), channel), 20));

        await two.A.Get<Outbox>().EnqueueAsync(Enumerable.Range(0, 40)
            .Select(i => Letter.InChannel($"test:{i}", "test", HomeChannel, MessageSpec.Text($"message {i}"))));
        await Task.WhenAll(two.Both.Select(h => h.DrainAsync()));

        var sent = two.Both.SelectMany(h => h.Api.MessagesIn(HomeChannel)).Select(m => m.Content).ToList();
        Assert.Equal(40, sent.Count);
        Assert.Equal(40, sent.Distinct().Count());
    }

    private static Task<FakeDiscordApi> InviteAsync(FeatureHarness h, DiscordUser from, DiscordUser to)
    {
        var (option, resolved) = UserOption("partner", to, member: true);
        return RunAsync(h.Api, Command(Guild, HomeChannel, from, "pair", options: [option], resolved: resolved),
            c => h.Get<PairCommand>().HandleAsync(c));
    }

    private static T Slowly<T>(Func<T> answer, int? milliseconds = null)
    {
        Thread.Sleep(milliseconds ?? (int)Latency.TotalMilliseconds);
        return answer();
    }
}
