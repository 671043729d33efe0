using CrossCoaching.Discord;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// <c>burst</c>: many pairs in several servers whose rituals share one slot, with the emulator holding each server to
/// Discord's channel-creation limit (5 per 10 s per server, 429 with retry_after beyond) and the bot to 50 requests a
/// second in all. The members' DM channels are known from an earlier week (a fresh database would open each once).
/// With <c>--instances N</c> the bot runs as N processes on one PostgreSQL database, shard i of N each.
/// </summary>
public static class BurstBenchmark
{
    public sealed record Sizes(int Pairs, int Guilds, int Instances, string? Postgres)
    {
        public static readonly Sizes Full = new(1_000, 20, 1, null);
    }

    private static readonly TimeProvider Time = TimeProvider.System;

    public static async Task RunAsync(BotCommand bot, Sizes sizes)
    {
        var perGuild = (sizes.Pairs + sizes.Guilds - 1) / sizes.Guilds;
        Console.WriteLine($"== burst: {sizes.Pairs} pairs in {sizes.Guilds} servers sharing one slot, channel creations limited to " +
            $"{BurstWorld.CreationLimit.Limit} per {BurstWorld.CreationLimit.Window.TotalSeconds:0} s per server, {sizes.Instances} bot process(es)");
        await using var discord = await Emulator.StartAsync();
        discord.SetRateLimit(RoomsBenchmark.ChannelRoute, BurstWorld.CreationLimit.Limit, BurstWorld.CreationLimit.Window);
        using var database = BurstDatabase.Create(sizes);
        var world = await BurstWorld.BuildAsync(discord, database.ConnectionString, sizes.Pairs, sizes.Guilds, Time.GetUtcNow(), LeadFor(perGuild, sizes.Pairs));
        Console.WriteLine($"  seeded {sizes.Pairs} pairs ({perGuild} a server); slot {world.Slot:HH:mm:ss} UTC (in {(world.Slot - Time.GetUtcNow()).TotalSeconds:0} s)");

        var runs = new List<BotRun>();
        try
        {
            for (var i = 0; i < sizes.Instances; i++)
                runs.Add(await BotRun.StartAsync(bot, discord, i == 0 ? database.Folder : BotRun.NewFolder($"burst{i}"), Settings(sizes, database, i), i + 1, $"bot{i}.log"));
            var closeDue = world.Slot + BurstWorld.Duration + BurstWorld.Grace;
            await WatchAsync(runs[0], world, database, closeDue + TimeSpan.FromSeconds(Math.Max(600, sizes.Pairs)));
            BurstReport.Print(BurstFigures.Of(discord, world, database.ConnectionString));
        }
        finally
        {
            foreach (var run in runs)
                await run.DisposeAsync();
        }
    }

    /// <summary>The bot's settings: a one-minute ritual and grace, and shard i of N on the shared database with several processes.</summary>
    public static Dictionary<string, string> Settings(Sizes sizes, BurstDatabase database, int instance)
    {
        var settings = new Dictionary<string, string>
        {
            ["Sessions__MinimumDurationMinutes"] = "1",
            ["Sessions__GraceMinutes"] = $"{BurstWorld.Grace.TotalMinutes:0}",
            ["ConnectionStrings__CrossCoaching"] = database.BotConnectionString,
        };
        if (sizes.Instances > 1)
        {
            settings["Discord__ShardCount"] = $"{sizes.Instances}";
            settings["Discord__ShardId"] = $"{instance}";
        }

        return settings;
    }

    /// <summary>The planner's own lead for the last room (60 s, 2 s a room in its server, 0.1 s a room in all), and time to start the bot.</summary>
    public static TimeSpan LeadFor(int perGuild, int pairs) => TimeSpan.FromSeconds(60 + (2 * perGuild) + (0.1 * pairs) + 45);

    private static async Task WatchAsync(BotRun run, BurstWorld world, BurstDatabase database, DateTimeOffset giveUp)
    {
        while (true)
        {
            var now = Time.GetUtcNow();
            var rooms = world.Rooms();
            var pending = BurstFigures.OutboxPending(database.ConnectionString);
            Console.WriteLine($"  slot{RoomsReport.Seconds(now - world.Slot)}: rooms created {rooms.Count}/{world.Pairs}, deleted {rooms.Count(r => r.DeletedAt is not null)}, " +
                $"messages owed {pending}, 429s {run.Discord.RateLimitedCount}, bot RSS {run.Memory().RssMiB:0} MiB");
            if ((now > world.Slot && rooms.Count == world.Pairs && rooms.All(r => r.DeletedAt is not null) && pending == 0) || now >= giveUp)
                return;
            await run.Bot.WhileRunningAsync(Task.Delay(TimeSpan.FromSeconds(15)), "the burst");
        }
    }
}
