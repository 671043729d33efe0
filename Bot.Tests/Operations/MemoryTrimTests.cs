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

    [Fact]
    public void A_quiet_bot_gives_back_the_native_heap_its_start_left() =>
        Assert.True(MemoryTrim.ShouldTrimNativeHeap(allocatedInInterval: MiB / 4, allocatedSinceNativeTrim: 60 * MiB));

    [Fact]
    public void A_busy_bot_keeps_its_native_heap_for_the_work_at_hand() =>
        Assert.False(MemoryTrim.ShouldTrimNativeHeap(allocatedInInterval: 40 * MiB, allocatedSinceNativeTrim: 300 * MiB));

    [Fact]
    public void Little_allocated_since_the_last_native_trim_means_no_new_one_at_every_tick() =>
        Assert.False(MemoryTrim.ShouldTrimNativeHeap(allocatedInInterval: MiB / 4, allocatedSinceNativeTrim: MiB));

    [Fact]
    public void The_first_quiet_moment_after_the_start_trims_both_heaps_however_little_was_allocated() =>
        Assert.True(MemoryTrim.ShouldTrimAfterStart(startTrimmed: false, allocatedInInterval: MiB / 4));

    [Fact]
    public void A_start_still_busy_is_not_trimmed_yet() =>
        Assert.False(MemoryTrim.ShouldTrimAfterStart(startTrimmed: false, allocatedInInterval: 40 * MiB));

    [Fact]
    public void The_start_is_trimmed_once() =>
        Assert.False(MemoryTrim.ShouldTrimAfterStart(startTrimmed: true, allocatedInInterval: MiB / 4));

    [Fact]
    public void The_native_heap_is_trimmed_on_linux_and_skipped_quietly_elsewhere() =>
        Assert.Equal(OperatingSystem.IsLinux() && !IsMusl(), NativeHeap.TryTrim());

    // Alpine's musl has no malloc_trim: the trim is then skipped, never an error.
    private static bool IsMusl() =>
        File.Exists("/etc/alpine-release");
}
