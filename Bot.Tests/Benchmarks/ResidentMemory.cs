using System.Globalization;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// A process's resident memory from /proc/&lt;pid&gt;/status, in KiB: VmRSS now and its peak (VmHWM), and what RSS is
/// made of — anonymous pages (GC heap, native heaps), file pages (mapped assemblies and native libraries, shared with
/// other processes using the same files) and shared memory (the runtime's double-mapped executable code).
/// </summary>
public readonly record struct ResidentMemory(long RssKiB, long PeakKiB, long AnonKiB, long FileKiB, long ShmemKiB)
{
    public double RssMiB => RssKiB / 1024.0;

    public double PeakMiB => PeakKiB / 1024.0;

    public double AnonMiB => AnonKiB / 1024.0;

    public double FileMiB => FileKiB / 1024.0;

    public double ShmemMiB => ShmemKiB / 1024.0;

    public static ResidentMemory Of(int pid)
    {
        var fields = File.ReadLines($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);
        return new ResidentMemory(Kibibytes(fields, "VmRSS"), Kibibytes(fields, "VmHWM"), Kibibytes(fields, "RssAnon"),
            Kibibytes(fields, "RssFile"), Kibibytes(fields, "RssShmem"));
    }

    // "VmRSS:	   61234 kB"
    private static long Kibibytes(Dictionary<string, string> fields, string name) =>
        fields.TryGetValue(name, out var value) ? long.Parse(value.Trim().Split(' ')[0], CultureInfo.InvariantCulture) : 0;
}
