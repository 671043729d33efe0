using System.Diagnostics;
using System.Globalization;
using CrossCoaching.Discord;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Benchmarks;

/// <summary>Who runs /help, and where: many users in several channels of one guild, as a busy server would.</summary>
public sealed record HelpCallers(Snowflake Guild, IReadOnlyList<Snowflake> Channels, IReadOnlyList<Snowflake> Users)
{
    public static HelpCallers Arrange(DiscordEmulator discord, int users = 50, int channels = 10)
    {
        var owner = discord.AddUser("owner");
        var guild = discord.AddGuild("Benchmark", owner);
        var channelIds = Enumerable.Range(1, channels).Select(i => discord.AddTextChannel(guild.Id, $"room-{i}").Id).ToList();
        var userIds = Enumerable.Range(1, users).Select(i => discord.AddUser($"user{i}").Id).ToList();
        foreach (var user in userIds)
            discord.AddMember(guild.Id, user);
        return new HelpCallers(guild.Id, channelIds, userIds);
    }
}

/// <summary>What one phase of /help traffic gave: the dispatch→callback latencies the emulator recorded, and the failures.</summary>
public sealed record LoadPhase(string Name, double Rate, double AchievedRate, int Sent, Latency Latency, int Missed, int Rejected, int RateLimited)
{
    public const string Header = "phase        rate   achieved   sent  answered   p50 ms   p90 ms   p99 ms   max ms  missed  rejected  429s";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-10} {Rate,4:0}/s {AchievedRate,8:0.0}/s {Sent,6} {Latency.Count,9} {Latency.P50,8:0.00} {Latency.P90,8:0.00} {Latency.P99,8:0.00} {Latency.Max,8:0.00} {Missed,7} {Rejected,9} {RateLimited,5}");
}

/// <summary>
/// Open-loop /help traffic: the i-th interaction is dispatched at start + i / rate whatever the bot is doing (a late
/// send goes at once, so the schedule never drifts), then the phase waits for every answer or its deadline.
/// </summary>
public static class InteractionLoad
{
    /// <param name="call">The i-th interaction, from the channel and user whose turn it is; /help when null.</param>
    public static async Task<LoadPhase> RunAsync(DiscordEmulator discord, HelpCallers callers, string name, double rate, TimeSpan duration,
        Func<int, Snowflake, Snowflake, CommandCall>? call = null)
    {
        var count = (int)Math.Round(rate * duration.TotalSeconds);
        var limitedBefore = discord.RateLimitedCount;
        var handles = new List<InteractionHandle>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var wait = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
                await Task.Delay(wait);
            var channel = callers.Channels[i % callers.Channels.Count];
            var user = callers.Users[i % callers.Users.Count];
            handles.Add(await discord.SendCommandAsync(call?.Invoke(i, channel, user) ?? new CommandCall(callers.Guild, channel, user, "help")));
        }

        var sending = clock.Elapsed;
        var giveUp = sending + discord.Options.InteractionDeadline + TimeSpan.FromSeconds(1);
        while (handles.Any(h => h.Callback is null) && clock.Elapsed < giveUp)
            await Task.Delay(50);

        var answered = handles.Where(h => h.Callback is not null).Select(h => h.Callback!.Elapsed).ToList();
        var achieved = count > 1 ? (count - 1) / sending.TotalSeconds : rate;
        return new LoadPhase(name, rate, achieved, count, Latency.Of(answered), count - answered.Count,
            handles.Count(h => h.Rejections.Count > 0), discord.RateLimitedCount - limitedBefore);
    }
}

/// <summary>The traffic both the interactions and the memory benchmarks send, printed phase by phase.</summary>
public static class HelpTraffic
{
    public static async Task<IReadOnlyList<LoadPhase>> RunAsync(DiscordEmulator discord, HelpCallers callers)
    {
        Console.WriteLine();
        Console.WriteLine("  " + LoadPhase.Header);
        var phases = new List<LoadPhase>();
        // Warm-up (JIT, tiering, connection pools on both sides), printed but not judged.
        foreach (var (name, rate, seconds) in new[] { ("warm-up", 20.0, 10), ("20/s", 20.0, 15), ("200/s", 200.0, 10) })
        {
            var phase = await InteractionLoad.RunAsync(discord, callers, name, rate, TimeSpan.FromSeconds(seconds));
            Console.WriteLine("  " + phase);
            phases.Add(phase);
        }

        Console.WriteLine();
        return phases;
    }
}
