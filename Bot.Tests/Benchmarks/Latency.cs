namespace CrossCoaching.Benchmarks;

/// <summary>Percentiles of a set of latencies, in milliseconds, by the nearest-rank method.</summary>
public sealed record Latency(int Count, double P50, double P90, double P99, double Max)
{
    public static Latency Of(IEnumerable<TimeSpan> samples)
    {
        var sorted = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        return new Latency(sorted.Length, Percentile(sorted, 50), Percentile(sorted, 90), Percentile(sorted, 99), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }

    /// <summary>The smallest sample with at least <paramref name="percent"/> % of the samples at or below it.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
