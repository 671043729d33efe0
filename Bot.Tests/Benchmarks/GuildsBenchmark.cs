using System.Globalization;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// <c>guilds</c>: many big guilds (100 channels and 50 roles each) arrive by GUILD_CREATE. First the bot's gateway cache
/// in this process, fed the emulator's payloads: the managed memory it keeps. Then the bot process against the
/// emulator: the time from READY until every guild has been handled by every feature (from the bot's log), and its
/// resident memory beside an idle run with one guild.
/// </summary>
public static class GuildsBenchmark
{
    public const double CacheTargetMiB = GuildCacheProbe.CacheTargetMiB;
    public static readonly TimeSpan LoadTarget = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(BotCommand bot, int guilds)
    {
        Console.WriteLine($"== guilds: {guilds} servers of 100 channels and 50 roles each, arriving by GUILD_CREATE");
        await using var discord = await Emulator.StartAsync();
        var owner = discord.AddUser("owner");
        discord.AddLargeGuilds(guilds, owner.Id);

        var cache = await GuildCacheProbe.MeasureAsync(discord);
        var cacheMiB = cache.HeldBytes / 1024.0 / 1024.0;
        Console.WriteLine($"  in this process: {cache.Guilds} guilds taken in by the cache in {cache.Applied.TotalMilliseconds:0} ms " +
            $"({cache.PayloadBytes / 1024.0 / 1024.0:0.0} MiB of GUILD_CREATE JSON); it keeps {cache.ChannelsKept} channels and {cache.RolesKept} roles");

        var load = await LoadInBotAsync(bot, discord, guilds);
        Console.WriteLine();
        Line("gateway cache, managed memory", $"{cacheMiB:0.0} MiB", $"target < {CacheTargetMiB} MiB   {InteractionsBenchmark.Verdict(cacheMiB < CacheTargetMiB)}");
        Line("READY → all guilds handled (bot)", load.Loaded is { } ms ? $"{ms} ms" : "not logged",
            $"target < {LoadTarget.TotalSeconds:0} s   {InteractionsBenchmark.Verdict(load.Loaded < LoadTarget.TotalMilliseconds)}");
        Line("bot RSS, 10 s after", $"{load.Rss.RssMiB:0.0} MiB", $"anon {load.Rss.AnonMiB:0.0} MiB");
        Console.WriteLine();
    }

    private static async Task<(long? Loaded, ResidentMemory Rss)> LoadInBotAsync(BotCommand bot, Tests.Emulator.DiscordEmulator discord, int guilds)
    {
        await using var run = await BotRun.StartAsync(bot, discord, BotRun.NewFolder($"guilds{guilds}"));
        long? loaded = null;
        for (var waited = 0; waited < 120 && loaded is null; waited++)
        {
            var log = run.Bot.Tail(400);
            loaded = GuildsStartLine.LoadedMilliseconds(log);
            if (GuildsStartLine.CachedMilliseconds(log) is { } cached)
                Console.WriteLine($"  the bot had the last GUILD_CREATE in its cache {cached} ms after READY");
            if (loaded is null)
                await run.Bot.WhileRunningAsync(Task.Delay(TimeSpan.FromSeconds(1)), "the guilds");
        }

        await run.Bot.WhileRunningAsync(Task.Delay(TimeSpan.FromSeconds(10)), "a quiet moment");
        return (loaded, run.Memory());
    }

    private static void Line(string what, string value, string note) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-34} {value,12}   {note}"));
}
