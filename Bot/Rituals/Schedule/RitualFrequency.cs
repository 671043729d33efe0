namespace CrossCoaching.Rituals.Schedule;

/// <summary>How often a ritual comes back: weekly, every other week, or one given weekday of each month.</summary>
public enum RitualFrequency
{
    Week,
    TwoWeeks,
    First,
    Second,
    Third,
    Fourth,
    Last,
}

/// <summary>
/// The codes of <see cref="RitualFrequency"/> used by the <c>every</c> option and in the database
/// (<c>week</c>, <c>2weeks</c>, <c>first</c> … <c>last</c>). Enum names are not used there so that renaming a
/// member never changes stored data.
/// </summary>
public static class RitualFrequencyCodes
{
    /// <summary>Every code, in the order the <c>every</c> option offers them.</summary>
    public static IReadOnlyList<string> All { get; } = ["week", "2weeks", "first", "second", "third", "fourth", "last"];

    public static string Code(this RitualFrequency frequency) => frequency switch
    {
        RitualFrequency.Week => "week",
        RitualFrequency.TwoWeeks => "2weeks",
        RitualFrequency.First => "first",
        RitualFrequency.Second => "second",
        RitualFrequency.Third => "third",
        RitualFrequency.Fourth => "fourth",
        RitualFrequency.Last => "last",
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Not a ritual frequency."),
    };

    /// <summary>Reads a code (case and surrounding spaces ignored); false when it names no frequency.</summary>
    public static bool TryParse(string? code, out RitualFrequency frequency)
    {
        RitualFrequency? found = code?.Trim().ToLowerInvariant() switch
        {
            "week" => RitualFrequency.Week,
            "2weeks" => RitualFrequency.TwoWeeks,
            "first" => RitualFrequency.First,
            "second" => RitualFrequency.Second,
            "third" => RitualFrequency.Third,
            "fourth" => RitualFrequency.Fourth,
            "last" => RitualFrequency.Last,
            _ => null,
        };
        frequency = found ?? default;
        return found is not null;
    }

    /// <summary>True for the frequencies that mean "that weekday of the month".</summary>
    public static bool IsMonthly(this RitualFrequency frequency) => frequency >= RitualFrequency.First;
}
