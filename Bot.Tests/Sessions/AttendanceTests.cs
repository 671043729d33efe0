using CrossCoaching.Discord;
using CrossCoaching.Sessions;

namespace CrossCoaching.Tests.Sessions;

public sealed class AttendanceTests
{
    private static readonly Snowflake A = new(1), B = new(2);
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 13, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Held = TimeSpan.FromMinutes(3);

    private static Stay S(Snowflake who, int from, int? to) => new(who, T0.AddMinutes(from), to is null ? null : T0.AddMinutes(to.Value));

    [Fact]
    public void Both_partners_together_long_enough_is_held() =>
        Assert.Equal(SessionOutcome.Held, Attendance.OutcomeOf([S(A, 0, 15), S(B, 2, 14)], A, B, T0.AddMinutes(20), Held));

    [Fact]
    public void Both_partners_but_never_at_once_is_partial() =>
        Assert.Equal(SessionOutcome.Partial, Attendance.OutcomeOf([S(A, 0, 5), S(B, 6, 14)], A, B, T0.AddMinutes(20), Held));

    [Fact]
    public void One_partner_alone_is_partial() =>
        Assert.Equal(SessionOutcome.Partial, Attendance.OutcomeOf([S(B, 0, null)], A, B, T0.AddMinutes(20), Held));

    [Fact]
    public void Nobody_is_missed() =>
        Assert.Equal(SessionOutcome.Missed, Attendance.OutcomeOf([S(new Snowflake(9), 0, 5)], A, B, T0.AddMinutes(20), Held));

    [Fact]
    public void Stays_still_open_count_until_the_end_and_several_stays_add_up()
    {
        var together = Attendance.TimeTogether([S(A, 0, 2), S(A, 4, null), S(B, 1, 3), S(B, 5, null)], A, B, T0.AddMinutes(10));

        Assert.Equal(TimeSpan.FromMinutes(1 + 5), together);
    }
}
