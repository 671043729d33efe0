using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Cache;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Benchmarks;

/// <summary>What the gateway cache holds once the guilds arrived, and how long it took to take them in.</summary>
public sealed record GuildCacheSize(int Guilds, long PayloadBytes, long HeldBytes, TimeSpan Applied, int ChannelsKept, int RolesKept);

/// <summary>
/// The bot's own <see cref="GuildCache"/>, in this process, fed READY and the emulator's GUILD_CREATE payloads as the
/// gateway would: the managed heap before and after (after full collections) is what the cache keeps.
/// </summary>
public static class GuildCacheProbe
{
    /// <summary>The issue's target for 1,000 guilds of 100 channels and 50 roles.</summary>
    public const double CacheTargetMiB = 20;

    public static async Task<GuildCacheSize> MeasureAsync(DiscordEmulator discord)
    {
        var generating = Stopwatch.StartNew();
        var payloads = discord.GuildCreatePayloads();
        Console.WriteLine($"  the emulator writes the {payloads.Count} GUILD_CREATE payloads in {generating.ElapsedMilliseconds} ms (on this machine's cores, beside the bot)");
        var ids = payloads.Select(p => JsonDocument.Parse(p).RootElement.GetProperty("id").GetString()!).ToList();
        var ready = JsonSerializer.Serialize(new
        {
            v = 10,
            session_id = "probe",
            resume_gateway_url = "ws://127.0.0.1",
            user = new { id = discord.BotUserId.ToString(), username = "CrossCoaching", bot = true },
            application = new { id = discord.ApplicationId.ToString() },
            guilds = ids.Select(id => new { id, unavailable = true }),
        });

        var events = new DiscordEventQueue();
        var before = Heap();
        var cache = new GuildCache(events);
        var clock = Stopwatch.StartNew();
        await Apply(cache, "READY", ready);
        foreach (var payload in payloads)
            await Apply(cache, "GUILD_CREATE", payload);
        var applied = clock.Elapsed;
        while (events.TryRead(out _))
        {
        }

        var held = Heap() - before;
        var guilds = cache.Guilds;
        var size = new GuildCacheSize(guilds.Count, payloads.Sum(p => (long)p.Length), held, applied,
            guilds.Sum(g => g.Channels.Count), guilds.Sum(g => g.Roles.Count));
        GC.KeepAlive(cache);
        return size;
    }

    private static async Task Apply(GuildCache cache, string name, string payload)
    {
        using var document = JsonDocument.Parse(payload);
        await cache.OnDispatchAsync(name, document.RootElement);
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>The bot's "All N guilds available and handled X ms after READY (all in the cache at Y ms)" log line.</summary>
public static partial class GuildsStartLine
{
    /// <summary>The bot's "All N guilds available and handled X ms after READY" line.</summary>
    public static long? LoadedMilliseconds(string log) =>
        Pattern().Match(log) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>From the same line: when the last guild was in the cache (received and parsed), before the features' work.</summary>
    public static long? CachedMilliseconds(string log) =>
        Pattern().Match(log) is { Success: true } m ? long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"guilds available and handled (\d+) ms after READY \(all in the cache at (\d+) ms\)")]
    private static partial Regex Pattern();

}
