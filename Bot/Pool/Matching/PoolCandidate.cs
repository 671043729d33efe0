using NodaTime;

namespace CrossCoaching.Pool.Matching;

/// <summary>The languages a member can talk in; two members are compatible only when they share one.</summary>
[Flags]
public enum PoolLanguages
{
    None = 0,
    English = 1,
    French = 2,
    Both = English | French,
}

/// <summary>
/// A weekly window in the member's own time zone: every <paramref name="Day"/> from <paramref name="Start"/> to
/// <paramref name="End"/>. An end at or before the start runs past midnight into the next day (22:00–01:00), so a
/// window may cross midnight without a second entry.
/// </summary>
public sealed record PoolWindow(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    /// <summary>How long the window lasts on a day without a clock change.</summary>
    public TimeSpan Length => End > Start ? End - Start : TimeSpan.FromDays(1) - (Start - End);
}

/// <summary>One member waiting in the pool, as the matcher sees them.</summary>
/// <param name="WaitingSince">When they joined (or went back to the head of the line after a declined proposal).</param>
public sealed record PoolCandidate(
    ulong UserId,
    DateTimeZone Zone,
    PoolLanguages Languages,
    IReadOnlyList<PoolWindow> Windows,
    bool SomeoneNew,
    DateTimeOffset WaitingSince);

/// <summary>A proposed pair and the first slot that suits both, as an instant.</summary>
/// <param name="Overlap">The length of the overlap the slot starts, which is at least the session's duration.</param>
public sealed record PoolMatch(ulong First, ulong Second, DateTimeOffset Slot, TimeSpan Overlap);
