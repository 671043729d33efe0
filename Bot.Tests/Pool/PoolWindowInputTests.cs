using CrossCoaching.Localization;
using CrossCoaching.Pool;
using CrossCoaching.Pool.Matching;

namespace CrossCoaching.Tests.Pool;

public sealed class PoolWindowInputTests
{
    private static IReadOnlyList<PoolWindow> Read(string text)
    {
        var (windows, error) = PoolWindowInput.Parse(text, 15);
        Assert.True(error is null, error?.Invoke(Lang.En));
        return windows!;
    }

    private static string Error(string? text, Lang lang = Lang.En, int session = 15)
    {
        var (windows, error) = PoolWindowInput.Parse(text, session);
        Assert.Null(windows);
        return error!(lang);
    }

    [Fact]
    public void English_and_French_days_times_ranges_and_lists_all_read_as_weekly_windows()
    {
        Assert.Equal(PoolWindowText.Parse("mon 18:00-20:00"), Read("Mon 18:00-20:00"));
        Assert.Equal(PoolWindowText.Parse("mon 07:30-08:30;tue 07:30-08:30;wed 07:30-08:30;thu 07:30-08:30;fri 07:30-08:30"), Read("lun-ven 7h30-8h30"));
        Assert.Equal(PoolWindowText.Parse("tue 18:00-20:00;thu 18:00-20:00;sat 10:00-12:00"), Read("tue/thu 6pm-8pm, samedi 10h à 12h"));
        Assert.Equal(PoolWindowText.Parse("sat 22:00-00:00;sun 22:00-00:00"), Read("Sam.-dim. 22:00 – 24:00"));
        Assert.Equal(PoolWindowText.Parse("fri 23:00-01:00"), Read("vendredi 23h-1h"));
        Assert.Equal(PoolWindowText.Parse("wed 12:00-13:00"), Read("mercredi 12:00-13:00\nMer 12h-13h"));
    }

    [Fact]
    public void No_window_an_unreadable_one_or_one_shorter_than_a_session_gets_a_clear_reason_in_the_members_language()
    {
        Assert.StartsWith("Say when you could talk", Error("  , ;"), StringComparison.Ordinal);
        Assert.StartsWith("Indiquez quand", Error(null, Lang.Fr), StringComparison.Ordinal);
        Assert.Contains("I could not read “someday 18:00-20:00”", Error("mon 9:00-10:00, someday 18:00-20:00"), StringComparison.Ordinal);
        Assert.Contains("« mon 18:00 »", Error("mon 18:00", Lang.Fr), StringComparison.Ordinal);
        Assert.Contains("“mon 18:00-18:20” is shorter than a session here (30 minutes)", Error("mon 18:00-18:20", session: 30), StringComparison.Ordinal);
        var escaped = Error("mon 9:00-_*x*");
        Assert.Contains(@"\*x\*", escaped, StringComparison.Ordinal);
        Assert.DoesNotContain("_*x*", escaped, StringComparison.Ordinal);
    }

    [Fact]
    public void More_windows_than_the_pool_uses_are_refused()
    {
        Assert.Contains("more than 28 windows", Error(string.Join(", ", Enumerable.Range(0, 5).Select(h => $"mon-sun {h * 2 + 1}:00-{h * 2 + 2}:00"))), StringComparison.Ordinal);
    }
}
