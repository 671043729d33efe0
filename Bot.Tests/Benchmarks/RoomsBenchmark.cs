using CrossCoaching.Discord;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// <c>rooms</c>: many pairs whose rituals share one slot in one guild, with Discord allowing 5 channel creations per
/// 10 s. The pairs are seeded before the bot starts; its reconciler plans the sessions and the rooms are prepared
/// ahead of the slot. From the emulator's record: how many rooms existed at the slot, when the last became ready,
/// and how long after the close was due the last one was deleted.
/// </summary>
public static class RoomsBenchmark
{
    public const string ChannelRoute = "POST /guilds/{guild_id}/channels";
    public static readonly TimeSpan CloseTarget = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Duration = TimeSpan.FromMinutes(1);
    private static readonly TimeProvider Time = TimeProvider.System;

    public static async Task RunAsync(BotCommand bot, int pairs)
    {
        Console.WriteLine($"== rooms: {pairs} pairs sharing one slot in one guild, channel creations limited to 5 per 10 s");
        await using var discord = await Emulator.StartAsync();
        discord.SetRateLimit(ChannelRoute, 5, TimeSpan.FromSeconds(10));
        var owner = discord.AddUser("owner");
        var guild = discord.AddGuild("Coaching", owner).Id;
        var home = discord.AddTextChannel(guild, "general");
        var category = discord.AddCategory(guild, "Rooms");
        var members = Enumerable.Range(1, 2 * pairs).Select(i => discord.AddUser($"member{i:000}")).ToList();
        foreach (var member in members)
            discord.AddMember(guild, member);

        // The n-th room of a slot is prepared 60 s + n × 2 s ahead (30 rooms a minute); 30 s more to start the bot.
        var slot = NextWholeMinute(Time.GetUtcNow() + TimeSpan.FromSeconds(60 + (2 * pairs) + 30));
        var closeDue = slot + Duration;
        var folder = BotRun.NewFolder($"rooms{pairs}");
        await RoomSeeder.SeedAsync(Path.Combine(folder, "bot.db"), guild, home.Id, category.Id, members.Select(m => (m.Id, m.Username)).ToList(), slot);
        Console.WriteLine($"  seeded {pairs} pairs; slot {slot:HH:mm:ss} UTC (in {(slot - Time.GetUtcNow()).TotalSeconds:0} s), close due {closeDue:HH:mm:ss}");

        await using var run = await BotRun.StartAsync(bot, discord, folder, new Dictionary<string, string>
        {
            ["Sessions__MinimumDurationMinutes"] = "1",
            ["Sessions__GraceMinutes"] = "0",
            ["Sessions__RoomsPerMinute"] = "30",
        });
        var giveUp = closeDue + TimeSpan.FromSeconds(Math.Max(600, pairs * 4));
        await WatchAsync(run, guild, pairs, slot, giveUp, rooms => rooms.Count == pairs && rooms.All(r => r.DeletedAt is not null));

        RoomsReport.Print(run, guild, pairs, slot, closeDue);
    }

    public static IReadOnlyList<EmulatedChannel> RoomsOf(DiscordEmulator discord, Snowflake guild) =>
        discord.ChannelsCreatedByBot.Where(c => c.GuildId == guild && c.Type == EmulatedChannelType.GuildVoice).ToList();

    /// <summary>Prints progress every 15 s of the slot's clock (…, slot−15 s, slot+0 s, …) until <paramref name="done"/> or <paramref name="giveUp"/>.</summary>
    private static async Task WatchAsync(BotRun run, Snowflake guild, int pairs, DateTimeOffset slot, DateTimeOffset giveUp,
        Func<IReadOnlyList<EmulatedChannel>, bool> done)
    {
        var tick = TimeSpan.FromSeconds(15);
        while (true)
        {
            var now = Time.GetUtcNow();
            var rooms = RoomsOf(run.Discord, guild);
            Console.WriteLine($"  slot{RoomsReport.Seconds(now - slot)}: rooms created {rooms.Count}/{pairs}, deleted {rooms.Count(r => r.DeletedAt is not null)}, " +
                $"429s {run.Discord.RateLimitedCount}, bot RSS {run.Memory().RssMiB:0} MiB");
            if ((now > slot && done(rooms)) || now >= giveUp)
                return;
            var wait = tick - TimeSpan.FromTicks((now - slot).Ticks % tick.Ticks);
            if (wait > tick)
                wait -= tick; // before the slot the remainder is negative
            if (wait < TimeSpan.FromSeconds(1))
                wait += tick; // the timer woke a hair before the tick: that tick is printed already
            await run.Bot.WhileRunningAsync(Task.Delay(wait), "the sessions");
        }
    }

    public static DateTimeOffset NextWholeMinute(DateTimeOffset after)
    {
        var minute = new DateTimeOffset(after.UtcTicks - (after.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        return minute < after ? minute.AddMinutes(1) : minute;
    }
}
