using System.Globalization;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Rest;
using CrossCoaching.Tests.EndToEnd;
using CrossCoaching.Tests.Emulator;
using CrossCoaching.Tests.Fakes;
using Xunit.Abstractions;

namespace CrossCoaching.Tests.ScaleOut;

/// <summary>
/// Discord's global limit (50 requests a second) counts per bot, across processes: two bot hosts on one PostgreSQL
/// database, sending more than 50 requests a second between them to the emulator (which enforces the limit per bot
/// token across both), draw no global 429; and a global 429 drawn by either pauses both until its end.
/// </summary>
public sealed class SharedGlobalLimitEndToEndTests(ITestOutputHelper output)
{
    private const int Burst = 160;
    private static readonly TimeSpan GlobalPause = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task Two_instances_on_one_database_stay_under_the_global_limit_together_and_a_global_429_pauses_both()
    {
        var connectionString = PostgresServer.Instance.CreateMigratedDatabase();
        var discord = await DiscordEmulator.StartAsync(new EmulatorOptions { HeartbeatInterval = TimeSpan.FromSeconds(1), IdentifyInterval = TimeSpan.Zero });
        var owner = discord.AddUser("owner");
        var guild = discord.AddGuild("Club", owner.Id);
        // One channel per message: one bucket each, so only the global limit holds the burst back.
        var channels = Enumerable.Range(0, Burst).Select(i => discord.AddTextChannel(guild, string.Create(CultureInfo.InvariantCulture, $"c{i}")).Id).ToList();
        var settings = new Dictionary<string, string?> { ["ConnectionStrings:CrossCoaching"] = connectionString };
        BotHarness? first = null, second = null;
        try
        {
            first = await BotHarness.StartAsync(discord, settings: settings, waitForReady: false);
            second = await BotHarness.StartAsync(discord, settings: settings, waitForReady: false);
            var bots = new[] { first, second };
            await discord.WaitUntilAsync(_ => bots.All(b => b.Get<GlobalRateLimiter>().PerSecond == GlobalShare.Budget / 2),
                TimeSpan.FromSeconds(120), "each instance at half the global budget");

            var started = discord.Now;
            var sends = bots.SelectMany((bot, b) => channels.Where((_, i) => i % 2 == b)
                .Select(c => bot.Get<IDiscordApi>().CreateMessageAsync(c, MessageSpec.Text("burst"))));
            await Task.WhenAll(sends).WaitAsync(TimeSpan.FromSeconds(120));

            foreach (var (at, count) in discord.BotRequestsPerSecond.Where(s => s.Second >= started.AddSeconds(-1)))
                output.WriteLine($"{at:HH:mm:ss}: {count} requests");
            var burst = discord.Requests.Where(r => r.At >= started && r.Route == "POST /channels/{channel_id}/messages").ToList();
            Assert.Equal(Burst, burst.Count);
            Assert.Equal(0, discord.GlobalRateLimitedCount);
            Assert.Equal(0, discord.EarlyRetryCount);
            Assert.InRange(discord.BusiestSecond, 1, 50);
            // Two halves of 40 a second, not two wholes: the burst is paced at 40 a second in all.
            Assert.True(burst.Max(r => r.At) - burst.Min(r => r.At) >= TimeSpan.FromSeconds((Burst / GlobalShare.Budget) - 1.1),
                $"the burst took {burst.Max(r => r.At) - burst.Min(r => r.At)}");

            // A global 429 drawn by one instance stops both until its end.
            discord.ScriptGlobalRateLimit(GlobalPause);
            var drawn = first.Get<IDiscordApi>().CreateMessageAsync(channels[0], MessageSpec.Text("draws the 429"));
            await discord.WaitUntilAsync(d => d.Requests.Any(r => r.Status == 429), TimeSpan.FromSeconds(30), "the global 429");
            var limitedAt = discord.Requests.Single(r => r.Status == 429).At;
            await discord.WaitUntilAsync(_ => bots.All(b => b.Get<GlobalRateLimiter>().PausedUntil >= limitedAt + GlobalPause),
                TimeSpan.FromSeconds(30), "both instances paused");
            var held = bots.Select((bot, b) => bot.Get<IDiscordApi>().CreateMessageAsync(channels[b + 1], MessageSpec.Text("after the pause"))).ToList();
            await Task.WhenAll(held.Append(drawn)).WaitAsync(TimeSpan.FromSeconds(60));

            var after = discord.Requests.Where(r => r.Body?.Contains("after the pause", StringComparison.Ordinal) == true).ToList();
            Assert.Equal(2, after.Count);
            Assert.All(after, r => Assert.True(r.At >= limitedAt + GlobalPause, $"sent {(limitedAt + GlobalPause - r.At).TotalMilliseconds:0} ms before the pause ended"));
            Assert.Equal(1, discord.GlobalRateLimitedCount);
            Assert.Equal(0, discord.EarlyRetryCount);
        }
        finally
        {
            if (first is not null)
                await first.StopAsync();
            // The second harness ends the emulator with itself.
            if (second is not null)
                await second.DisposeAsync();
            else
                await discord.DisposeAsync();
            PostgresServer.Instance.Drop(connectionString);
        }
    }
}
