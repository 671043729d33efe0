using CrossCoaching.Operations;

namespace CrossCoaching.Tests.Operations;

public sealed class MemoryTrimTests
{
    private const long MiB = 1L << 20;

    [Fact]
    public void A_quiet_bot_holding_much_more_than_its_live_heap_after_a_burst_gives_it_back() =>
        Assert.True(MemoryTrim.ShouldTrim(allocatedInInterval: MiB / 4, allocatedSinceTrim: 300 * MiB, committedBytes: 45 * MiB, heapBytes: 5 * MiB));

    [Fact]
    public void A_busy_bot_is_left_to_the_collector_whatever_it_holds() =>
        Assert.False(MemoryTrim.ShouldTrim(allocatedInInterval: 40 * MiB, allocatedSinceTrim: 300 * MiB, committedBytes: 45 * MiB, heapBytes: 5 * MiB));

    [Fact]
    public void A_bot_holding_little_beyond_its_live_heap_is_not_trimmed() =>
        Assert.False(MemoryTrim.ShouldTrim(allocatedInInterval: MiB / 4, allocatedSinceTrim: 300 * MiB, committedBytes: 9 * MiB, heapBytes: 5 * MiB));

    [Fact]
    public void Nothing_allocated_since_the_last_trim_means_no_new_trim_at_every_tick() =>
        Assert.False(MemoryTrim.ShouldTrim(allocatedInInterval: MiB / 4, allocatedSinceTrim: MiB, committedBytes: 45 * MiB, heapBytes: 5 * MiB));
}
