using CrossCoaching.Benchmarks;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.BenchmarkTests;

/// <summary>A small run of the guilds benchmark's in-process part, and the bot's log line it reads.</summary>
public sealed class GuildsBenchmarkTests
{
    [Fact]
    public async Task Twenty_big_guilds_arrive_in_the_cache_with_all_their_channels_and_roles()
    {
        await using var discord = await DiscordEmulator.StartAsync();
        var owner = discord.AddUser("owner");
        discord.AddLargeGuilds(20, owner.Id);

        var size = await GuildCacheProbe.MeasureAsync(discord);

        Assert.Equal(20, size.Guilds);
        Assert.Equal(20 * 100, size.ChannelsKept);
        Assert.Equal(20 * 50, size.RolesKept);
        // The heap figure is not asserted: beside other tests allocating and freeing it means nothing; the benchmark's
        // 1,000 guilds in a process of its own give the real one.
    }

    [Fact]
    public void The_benchmark_reads_the_bots_start_up_line()
    {
        const string Log = "info: CrossCoaching.Discord.Cache.DiscordEventPump[0]\n      All 1000 guilds available and handled 2345 ms after READY (all in the cache at 2100 ms)";

        Assert.Equal((2345L, 2100L), (GuildsStartLine.LoadedMilliseconds(Log), GuildsStartLine.CachedMilliseconds(Log)));
    }
}
