using CrossCoaching.Benchmarks;
using CrossCoaching.Hosting;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Emulator;
using CrossCoaching.Tests.EndToEnd;
using CrossCoaching.Tests.Fakes;
using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.BenchmarkTests;

/// <summary>
/// The burst benchmark in miniature, in process: 8 pairs in 2 servers sharing one slot, the emulator holding each
/// server to 5 room creations per 10 s. Every room is made before the slot, closes due together are spread, nothing
/// is refused with a 429 or sent before its retry_after, and a session costs at most 5 REST requests.
/// </summary>
public sealed class BurstSmokeTests
{
    [Fact]
    public async Task A_small_burst_makes_every_room_ahead_spreads_its_closes_and_keeps_within_the_budgets()
    {
        using var folder = new TempFolder();
        var time = new FakeTimeProvider(CoachingWorld.Monday);
        var discord = await DiscordEmulator.StartAsync(new EmulatorOptions { HeartbeatInterval = TimeSpan.FromSeconds(1), IdentifyInterval = TimeSpan.Zero });
        discord.SetRateLimit("POST /guilds/{guild_id}/channels", BurstWorld.CreationLimit.Limit, BurstWorld.CreationLimit.Window);
        var database = $"Data Source={folder.File("bot.db")}";
        var world = await BurstWorld.BuildAsync(discord, database, pairs: 8, guilds: 2, time.GetUtcNow(), TimeSpan.FromMinutes(10));
        await using var bot = await BotHarness.StartAsync(discord, time, new()
        {
            ["ConnectionStrings:CrossCoaching"] = database,
            ["Sessions:MinimumDurationMinutes"] = "1",
            ["Sessions:GraceMinutes"] = $"{BurstWorld.Grace.TotalMinutes:0}",
        });
        await bot.Get<Reconciler>().RunOnceAsync();

        var sessions = bot.Get<SessionRepository>();
        await discord.WaitUntilAsync(_ => sessions.ListUnfinishedAsync().Result.Count == 8, TimeSpan.FromSeconds(30), "every session planned");
        time.SetUtcNow(world.Slot.AddSeconds(-1));
        await discord.WaitUntilAsync(_ => world.Rooms().Count == world.Pairs, TimeSpan.FromSeconds(60), "every room before the slot");
        // The steps as their triggers fire them: the rooms open (a welcome each), the warnings fall due, then the closes.
        time.SetUtcNow(world.Slot);
        await discord.WaitUntilAsync(_ => world.Rooms().All(r => discord.MessagesIn(r.Id).Count == 1), TimeSpan.FromSeconds(60), "every welcome");
        time.SetUtcNow(world.Slot + BurstWorld.Duration);
        await Task.Delay(TimeSpan.FromSeconds(1));
        time.SetUtcNow(world.Slot + BurstWorld.Duration + BurstWorld.Grace + TimeSpan.FromSeconds(1));
        await discord.WaitUntilAsync(_ => BurstFigures.Of(discord, world, database).Closed == 8 && BurstFigures.OutboxPending(database) == 0,
            TimeSpan.FromSeconds(60), "every session closed and every message sent");

        var figures = BurstFigures.Of(discord, world, database);
        Assert.True(figures.Statuses.StartsWith("8 closed", StringComparison.Ordinal), figures.ToString()); // and next week's sessions planned
        Assert.Equal(8, figures.Closed);
        Assert.Equal(TimeSpan.FromSeconds(0.7), figures.CloseSpread); // 8 closes at 10 a second
        Assert.True(figures.RateLimited == 0, string.Join(", ", discord.Requests.Where(r => r.Status == 429).Select(r => r.Route)));
        Assert.True(figures.EarlyRetries == 0, string.Join("; ", discord.EarlyRetries));
        Assert.Equal(0, figures.DmChannelsOpened);
        // Steps all due at once here ask before any answer is in; spread out, one request serves a server's burst.
        Assert.InRange(figures.MemberRequests, 1, 8);
        Assert.DoesNotContain(figures.Routes, r => r.Route.Contains("/members/", StringComparison.Ordinal));
        Assert.True(figures.RequestsPerSession <= SessionRequests.Target, SessionRequests.Describe(figures.Routes));
        await using var db = await bot.Get<SqliteConnectionFactory>().OpenAsync();
        Assert.Equal(8, await db.ExecuteScalarAsync<long>("SELECT count(*) FROM session_steps WHERE step = 'prepare' AND state = 'done'"));
    }
}
