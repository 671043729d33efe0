using CrossCoaching.Discord;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// <c>faults</c>: a scripted day compressed into about 20 minutes. Four servers, 64 pairs whose two- or three-minute
/// rituals (reminder 1 to 3 minutes ahead, one minute of grace) fall on slots spread over 8 minutes, so that reminders,
/// rooms, warnings and closes overlap. Meanwhile the bot process is killed (SIGKILL) at 100 random instants and
/// started again, and message posts fail in random windows. Then a calm period with no fault lets the bot recover,
/// and the day is counted from the emulator's record and the bot's final database (<see cref="FaultReport"/>).
/// </summary>
public static class FaultBenchmark
{
    public const string MessageRoute = "/channels/{channel_id}/messages";
    private static readonly TimeProvider Time = TimeProvider.System;
    private static readonly TimeSpan FirstSlotAfter = TimeSpan.FromMinutes(4), MinimumCalm = TimeSpan.FromMinutes(3), MaximumCalm = TimeSpan.FromMinutes(7);

    public static async Task RunAsync(BotCommand bot, int seed)
    {
        var start = Time.GetUtcNow();
        var firstSlot = RoomsBenchmark.NextWholeMinute(start + FirstSlotAfter);
        var lastClose = firstSlot + TimeSpan.FromMinutes(FaultPlan.SlotMinutes + 3 + 1);
        var faultsUntil = lastClose + TimeSpan.FromSeconds(30) - start;
        var plan = FaultPlan.Make(seed, TimeSpan.FromSeconds(30), faultsUntil);
        Console.WriteLine($"== faults: {plan.Pairs.Count} pairs in {FaultPlan.Guilds} servers, slots over {FaultPlan.SlotMinutes} min from {firstSlot:HH:mm} UTC; " +
            $"{plan.Kills.Count} kills and {plan.Outages.Count} message outages ({plan.OutageTotal.TotalSeconds:0} s) until +{faultsUntil:mm\\:ss}; seed {seed} (--seed)");

        await using var discord = await Emulator.StartAsync();
        var folder = BotRun.NewFolder("faults");
        var guilds = await ArrangeAsync(discord, plan, firstSlot, Path.Combine(folder, "bot.db"));
        var environment = BotRun.Environment(bot, discord, folder, new Dictionary<string, string>
        {
            ["Sessions__MinimumDurationMinutes"] = "1",
            ["Sessions__GraceMinutes"] = "1",
            ["Sessions__ReconcileMinutes"] = "1",
        });

        var fault = new FaultBot(bot, environment, folder);
        await using (fault)
        {
            await fault.StartAsync();
            var watch = new FaultWatch(discord, fault, guilds, Path.Combine(folder, "bot.db"), start);
            await Task.WhenAll(KillAsync(fault, plan, start), OutagesAsync(discord, plan, start), watch.UntilAsync(start + faultsUntil));
            Console.WriteLine("  faults over: calm until every session of the day ended and no room is left, at least " +
                $"{MinimumCalm.TotalMinutes:0} min, at most {MaximumCalm.TotalMinutes:0} min");
            var calm = Time.GetUtcNow();
            await watch.UntilAsync(calm + MaximumCalm, () => Time.GetUtcNow() - calm >= MinimumCalm && watch.DayIsOver(firstSlot + TimeSpan.FromMinutes(FaultPlan.SlotMinutes)));
            var code = await fault.StopAsync();
            Console.WriteLine($"  stopped the bot (exit code {code}) after {fault.Starts} starts, {fault.Kills} kills, {fault.Crashes} crashes, " +
                $"{discord.Identifies.Count} IDENTIFYs; {(Time.GetUtcNow() - start).TotalMinutes:0.0} min in all");
            var figures = FaultReport.Print(discord, guilds, Path.Combine(folder, "bot.db"), firstSlot + TimeSpan.FromMinutes(FaultPlan.SlotMinutes), watch.SeenPublic);
            if (figures.TargetsMet && code == 0)
                Directory.Delete(folder, recursive: true);
            else
                Console.WriteLine($"  the database and the bot's logs are kept: {folder}");
        }
    }

    /// <summary>The servers, their members (the pairs, and two bystanders: one with no role, one with a role), and the seeded pairs.</summary>
    private static async Task<IReadOnlyList<Snowflake>> ArrangeAsync(DiscordEmulator discord, FaultPlan plan, DateTimeOffset firstSlot, string databasePath)
    {
        var seeder = await RoomSeeder.OpenAsync(databasePath);
        var guilds = new List<(Snowflake Id, Snowflake Home)>();
        for (var g = 0; g < FaultPlan.Guilds; g++)
        {
            var owner = discord.AddUser($"owner{g}");
            var guild = discord.AddGuild($"Coaching {g}", owner).Id;
            var home = discord.AddTextChannel(guild, "general");
            await seeder.AddGuildAsync(guild, discord.AddCategory(guild, "Rooms").Id);
            discord.AddMember(guild, discord.AddUser($"bystander{g}"));
            discord.AddMember(guild, discord.AddUser($"regular{g}"), discord.AddRole(guild, "Regulars", Perms.EveryoneDefault).Id);
            guilds.Add((guild, home.Id));
        }

        for (var i = 0; i < plan.Pairs.Count; i++)
        {
            var pair = plan.Pairs[i];
            var (guild, home) = guilds[pair.Guild];
            var (a, b) = (discord.AddUser($"member{2 * i:000}"), discord.AddUser($"member{(2 * i) + 1:000}"));
            discord.AddMember(guild, a);
            discord.AddMember(guild, b);
            await seeder.AddPairAsync(guild, home, (a.Id, a.Username), (b.Id, b.Username), firstSlot.AddMinutes(pair.SlotMinute), pair.DurationMinutes, pair.ReminderMinutes);
        }

        RoomSeeder.Release();
        return guilds.Select(g => g.Id).ToList();
    }

    private static async Task KillAsync(FaultBot bot, FaultPlan plan, DateTimeOffset start)
    {
        for (var i = 0; i < plan.Kills.Count; i++)
        {
            await DelayUntil(start + plan.Kills[i]);
            await bot.KillAndRestartAsync(plan.RestartDelays[i]);
        }
    }

    private static async Task OutagesAsync(DiscordEmulator discord, FaultPlan plan, DateTimeOffset start)
    {
        foreach (var outage in plan.Outages)
        {
            await DelayUntil(start + outage.Start);
            discord.StartFailing("POST", MessageRoute, outage.Status);
            await DelayUntil(start + outage.Start + outage.Length);
            discord.EndFailures("POST", MessageRoute);
        }
    }

    private static async Task DelayUntil(DateTimeOffset at)
    {
        var wait = at - Time.GetUtcNow();
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait);
    }
}
