using CrossCoaching.Discord;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// <c>faults</c>: a scripted day compressed into about 20 minutes. Four servers, 64 pairs whose two- or three-minute
/// rituals (reminder 1 to 3 minutes ahead, one minute of grace) fall on slots spread over 8 minutes, so that reminders,
/// rooms, warnings and closes overlap. Meanwhile the bot process is killed (SIGKILL) at 100 random instants and
/// started again, message posts fail in random windows, in other windows they are carried out but answered with a
/// failure, one server's rooms category overflows, another's is deleted by hand, and CHANNEL_CREATE comes late. Then a calm period with no fault lets the bot recover,
/// and the day is counted from the emulator's record and the bot's final database (<see cref="FaultReport"/>).
/// </summary>
public static class FaultBenchmark
{
    public const string MessageRoute = "/channels/{channel_id}/messages";
    private static readonly TimeProvider Time = TimeProvider.System;
    private static readonly TimeSpan LateChannelCreate = TimeSpan.FromSeconds(2);
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
        var categories = plan.Categories;
        Console.WriteLine($"   {plan.LostAnswers.Count} windows of lost answers on message posts ({plan.LostAnswerTotal.TotalSeconds:0} s): " +
            string.Join(", ", plan.LostAnswers.Select(w => $"+{w.Start:mm\\:ss} {w.Length.TotalSeconds:0} s {w.Status}")));
        Console.WriteLine($"   rooms category of server {categories.OverflowGuild} holds {categories.OverflowFill} of 50 channels at the start; " +
            $"server {categories.DeletedGuild}'s is deleted at +{categories.DeletedAt:mm\\:ss}; CHANNEL_CREATE reaches the bot {LateChannelCreate.TotalSeconds:0} s after the REST answer");

        await using var discord = await Emulator.StartAsync();
        var folder = BotRun.NewFolder("faults");
        var (guilds, roomCategories) = await ArrangeAsync(discord, plan, firstSlot, Path.Combine(folder, "bot.db"));
        discord.DelayGatewayEvents(LateChannelCreate, "CHANNEL_CREATE");
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
            await Task.WhenAll(KillAsync(fault, plan, start), OutagesAsync(discord, plan.Outages, start, lostAnswers: false),
                OutagesAsync(discord, plan.LostAnswers, start, lostAnswers: true), DeleteCategoryAsync(discord, roomCategories[categories.DeletedGuild], categories.DeletedAt, start),
                watch.UntilAsync(start + faultsUntil));
            Console.WriteLine("  faults over: calm until every session of the day ended and no room is left, at least " +
                $"{MinimumCalm.TotalMinutes:0} min, at most {MaximumCalm.TotalMinutes:0} min");
            var calm = Time.GetUtcNow();
            await watch.UntilAsync(calm + MaximumCalm, () => Time.GetUtcNow() - calm >= MinimumCalm && watch.DayIsOver(firstSlot + TimeSpan.FromMinutes(FaultPlan.SlotMinutes)));
            var code = await fault.StopAsync();
            Console.WriteLine($"  stopped the bot (exit code {code}) after {fault.Starts} starts, {fault.Kills} kills, {fault.Crashes} crashes, " +
                $"{discord.Identifies.Count} IDENTIFYs; {(Time.GetUtcNow() - start).TotalMinutes:0.0} min in all");
            var figures = FaultReport.Print(discord, guilds, Path.Combine(folder, "bot.db"), firstSlot + TimeSpan.FromMinutes(FaultPlan.SlotMinutes), watch.SeenPublic, plan, start);
            if (figures.TargetsMet && code == 0)
                Directory.Delete(folder, recursive: true);
            else
                Console.WriteLine($"  the database and the bot's logs are kept: {folder}");
        }
    }

    /// <summary>The servers, their members (the pairs, and two bystanders: one with no role, one with a role), and the seeded pairs.</summary>
    private static async Task<(IReadOnlyList<Snowflake> Guilds, IReadOnlyList<Snowflake> Categories)> ArrangeAsync(DiscordEmulator discord, FaultPlan plan, DateTimeOffset firstSlot, string databasePath)
    {
        var seeder = await RoomSeeder.OpenAsync(databasePath);
        var guilds = new List<(Snowflake Id, Snowflake Home)>();
        var categories = new List<Snowflake>();
        for (var g = 0; g < FaultPlan.Guilds; g++)
        {
            var owner = discord.AddUser($"owner{g}");
            var guild = discord.AddGuild($"Coaching {g}", owner).Id;
            var home = discord.AddTextChannel(guild, "general");
            var category = discord.AddCategory(guild, "Rooms").Id;
            await seeder.AddGuildAsync(guild, category);
            categories.Add(category);
            if (g == plan.Categories.OverflowGuild)
            {
                for (var c = 0; c < plan.Categories.OverflowFill; c++)
                    discord.AddVoiceChannel(guild, $"lounge {c}", category);
            }

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
        return (guilds.Select(g => g.Id).ToList(), categories);
    }

    private static async Task KillAsync(FaultBot bot, FaultPlan plan, DateTimeOffset start)
    {
        for (var i = 0; i < plan.Kills.Count; i++)
        {
            await DelayUntil(start + plan.Kills[i]);
            await bot.KillAndRestartAsync(plan.RestartDelays[i]);
        }
    }

    private static async Task OutagesAsync(DiscordEmulator discord, IReadOnlyList<Outage> windows, DateTimeOffset start, bool lostAnswers)
    {
        foreach (var outage in windows)
        {
            await DelayUntil(start + outage.Start);
            if (lostAnswers)
                discord.StartLosingAnswers("POST", MessageRoute, outage.Status);
            else
                discord.StartFailing("POST", MessageRoute, outage.Status);
            await DelayUntil(start + outage.Start + outage.Length);
            if (lostAnswers)
                discord.EndLosingAnswers("POST", MessageRoute);
            else
                discord.EndFailures("POST", MessageRoute);
        }
    }

    /// <summary>A manager deletes the configured rooms category by hand in the middle of the day.</summary>
    private static async Task DeleteCategoryAsync(DiscordEmulator discord, Snowflake category, TimeSpan at, DateTimeOffset start)
    {
        await DelayUntil(start + at);
        discord.DeleteChannel(category);
        Console.WriteLine($"  +{Time.GetUtcNow() - start:mm\\:ss} deleted the rooms category {category}");
    }

    private static async Task DelayUntil(DateTimeOffset at)
    {
        var wait = at - Time.GetUtcNow();
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait);
    }
}
