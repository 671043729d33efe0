using CrossCoaching.Benchmarks;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.BenchmarkTests;

/// <summary>A small run of the guilds benchmark's in-process part, and the bot's log line it reads.</summary>
public sealed class GuildsBenchmarkTests
{
    [Fact]
    public async Task Twenty_big_guilds_arrive_in_the_cache_which_keeps_their_channels_and_roles_in_little_memory()
    {
        await using var discord = await DiscordEmulator.StartAsync();
        var owner = discord.AddUser("owner");
        discord.AddLargeGuilds(20, owner.Id);

        var size = await GuildCacheProbe.MeasureAsync(discord);

        Assert.Equal(20, size.Guilds);
        Assert.Equal(20 * 100, size.ChannelsKept);
        Assert.Equal(20 * 50, size.RolesKept);
        // A smoke run beside other tests allocating: the figure is noisy, the benchmark's 1,000 guilds give the real one.
        Assert.InRange(size.HeldBytes, 1, 2 * 20 * GuildCacheProbe.CacheTargetMiB * 1024 * 1024 / 1000);
    }

    [Fact]
    public void The_benchmark_reads_the_bots_start_up_line()
    {
        const string Log = "info: CrossCoaching.Discord.Cache.DiscordEventPump[0]\n      All 1000 guilds available and handled 2345 ms after READY (all in the cache at 2100 ms)";

        Assert.Equal((2345L, 2100L), (GuildsStartLine.LoadedMilliseconds(Log), GuildsStartLine.CachedMilliseconds(Log)));
    }
}
