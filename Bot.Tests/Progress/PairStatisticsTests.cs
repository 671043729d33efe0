using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Progress;
using CrossCoaching.Sessions;

namespace CrossCoaching.Tests.Progress;

public sealed class PairStatisticsTests
{
    private static readonly Snowflake Alice = new(1), Bob = new(2);
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 14, 0, 0, TimeSpan.Zero);
    private static readonly Pair Pair = new(7, new Snowflake(10), Alice, Bob, "Alice", "Bob", PairStatus.Active, 1, Monday.AddDays(-1), Monday.AddDays(-1), null);
    private static readonly Dictionary<long, IReadOnlyList<Stay>> NoStays = [];
    private int _ids;

    private Session S(SessionStatus status, SessionOutcome? outcome = null, SessionKind kind = SessionKind.Ritual, bool announced = false) =>
        new(++_ids, Pair.Id, Pair.GuildId, kind, Monday.AddDays(7 * _ids), 15, 5, status, outcome, announced, null, null, null, Monday, Monday.AddDays(7 * _ids).AddMinutes(20));

    private Session Held() => S(SessionStatus.Closed, SessionOutcome.Held);

    private Session Partial() => S(SessionStatus.Closed, SessionOutcome.Partial);

    private Session Missed() => S(SessionStatus.Closed, SessionOutcome.Missed);

    private Session AnnouncedSkip() => S(SessionStatus.Skipped, SessionOutcome.Skipped, announced: true);

    private static PairStats Compute(IEnumerable<Session> sessions, IReadOnlyDictionary<long, IReadOnlyList<Stay>>? stays = null) =>
        PairStatistics.Compute(Pair, sessions, stays ?? NoStays, Alice);

    [Fact]
    public void Held_held_an_announced_skip_then_held_is_a_streak_of_three()
    {
        var stats = Compute([Held(), Held(), AnnouncedSkip(), Held()]);

        Assert.Equal((3, 3), (stats.CurrentStreak, stats.LongestStreak));
        Assert.Equal((3, 1), (stats.Held, stats.Skipped));
    }

    [Fact]
    public void A_miss_resets_the_streak_and_the_longest_is_kept()
    {
        var stats = Compute([Held(), Held(), Held(), Missed(), Held()]);

        Assert.Equal((1, 3), (stats.CurrentStreak, stats.LongestStreak));
        Assert.Equal(1, stats.Missed);
    }

    [Fact]
    public void A_session_missed_because_the_bot_was_down_does_not_break_the_streak()
    {
        // Never opened (the bot was down at its slot): the bot's failure, not the pair's, like a failed session.
        var stats = Compute([Held(), S(SessionStatus.Missed, SessionOutcome.Missed), Held()]);

        Assert.Equal((2, 2, 0), (stats.CurrentStreak, stats.LongestStreak, stats.Missed));
    }

    [Fact]
    public void A_partial_session_breaks_the_streak_of_held_sessions()
    {
        var stats = Compute([Held(), Held(), Partial()]);

        Assert.Equal((0, 2, 1), (stats.CurrentStreak, stats.LongestStreak, stats.Partial));
    }

    [Fact]
    public void A_skip_that_was_not_announced_breaks_the_streak()
    {
        var stats = Compute([Held(), S(SessionStatus.Skipped, SessionOutcome.Skipped, announced: false), Held()]);

        Assert.Equal((1, 1, 1), (stats.CurrentStreak, stats.LongestStreak, stats.Skipped));
    }

    [Fact]
    public void Cancelled_and_failed_sessions_neither_count_nor_break_the_streak()
    {
        var stats = Compute([Held(), S(SessionStatus.Cancelled), S(SessionStatus.Failed), Held()]);

        Assert.Equal((2, 2), (stats.CurrentStreak, stats.LongestStreak));
        Assert.Equal((2, 0, 0, 0, 2), (stats.Held, stats.Partial, stats.Missed, stats.Skipped, stats.TookPlace));
    }

    [Fact]
    public void A_held_impromptu_session_counts_and_extends_the_streak()
    {
        var stats = Compute([Held(), S(SessionStatus.Closed, SessionOutcome.Held, SessionKind.Impromptu), Held()]);

        Assert.Equal((3, 3), (stats.Held, stats.CurrentStreak));
    }

    [Fact]
    public void An_impromptu_session_that_was_not_held_counts_for_nothing()
    {
        var stats = Compute([Held(), S(SessionStatus.Closed, SessionOutcome.Missed, SessionKind.Impromptu),
            S(SessionStatus.Closed, SessionOutcome.Partial, SessionKind.Impromptu), Held()]);

        Assert.Equal((2, 0, 0, 2), (stats.Held, stats.Partial, stats.Missed, stats.CurrentStreak));
    }

    [Fact]
    public void Sessions_still_to_come_or_running_count_for_nothing()
    {
        var stats = Compute([Held(), S(SessionStatus.Open), S(SessionStatus.Scheduled)]);

        Assert.Equal((1, 1, 1), (stats.Held, stats.TookPlace, stats.CurrentStreak));
    }

    [Fact]
    public void An_empty_history_is_all_zeros_with_no_attendance_rate()
    {
        var stats = Compute([]);

        Assert.Equal(PairStats.Empty, stats);
        Assert.Null(stats.AttendanceRate);
        Assert.Equal(0, stats.MinutesTogether);
    }

    [Fact]
    public void Sessions_are_taken_in_slot_order_whatever_order_they_come_in()
    {
        var sessions = new[] { Held(), Held(), Missed(), Held() };

        var stats = Compute(sessions.Reverse());

        Assert.Equal((1, 2), (stats.CurrentStreak, stats.LongestStreak));
    }

    [Fact]
    public void Minutes_together_add_up_the_time_both_partners_were_in_the_room()
    {
        var first = Held();
        var second = Partial();
        var at = first.SlotAt;
        var stays = new Dictionary<long, IReadOnlyList<Stay>>
        {
            // 12 minutes together; Bob steps out and is back for the last 2 minutes Alice stays.
            [first.Id] = [new(Alice, at, at.AddMinutes(15)), new(Bob, at, at.AddMinutes(12)), new(Bob, at.AddMinutes(13), at.AddMinutes(16))],
            // Together 2 minutes, not enough for "held"; Bob's stay still open when the room closed counts until the close.
            [second.Id] = [new(Alice, second.SlotAt, second.SlotAt.AddMinutes(4)), new(Bob, second.SlotAt.AddMinutes(2), null)],
        };

        var stats = Compute([first, second], stays);

        Assert.Equal(TimeSpan.FromMinutes(12 + 2 + 2), stats.TimeTogether);
        Assert.Equal(16, stats.MinutesTogether);
    }

    [Fact]
    public void Attendance_rate_is_the_sessions_the_member_came_to_over_those_that_took_place()
    {
        var held = Held();
        var partialWithAlice = Partial();
        var partialWithoutAlice = Partial();
        var missed = Missed();
        var skipped = AnnouncedSkip();
        var stays = new Dictionary<long, IReadOnlyList<Stay>>
        {
            [held.Id] = [new(Alice, held.SlotAt, held.SlotAt.AddMinutes(15)), new(Bob, held.SlotAt, held.SlotAt.AddMinutes(15))],
            [partialWithAlice.Id] = [new(Alice, partialWithAlice.SlotAt, partialWithAlice.SlotAt.AddMinutes(15))],
            [partialWithoutAlice.Id] = [new(Bob, partialWithoutAlice.SlotAt, partialWithoutAlice.SlotAt.AddMinutes(15))],
        };

        var forAlice = PairStatistics.Compute(Pair, [held, partialWithAlice, partialWithoutAlice, missed, skipped], stays, Alice);
        var forBob = PairStatistics.Compute(Pair, [held, partialWithAlice, partialWithoutAlice, missed, skipped], stays, Bob);

        Assert.Equal((2, 4, 0.5), (forAlice.Present, forAlice.TookPlace, forAlice.AttendanceRate));
        Assert.Equal((2, 4, 0.5), (forBob.Present, forBob.TookPlace, forBob.AttendanceRate));
    }

    [Fact]
    public void A_pair_whose_last_two_sessions_were_missed_is_at_risk_skips_aside()
    {
        Assert.True(PairStatistics.IsAtRisk([Held(), Missed(), AnnouncedSkip(), S(SessionStatus.Cancelled), Missed(), S(SessionStatus.Scheduled)]));
    }

    [Fact]
    public void One_miss_or_a_held_session_after_misses_is_not_at_risk()
    {
        Assert.False(PairStatistics.IsAtRisk([Held(), Missed()]));
        Assert.False(PairStatistics.IsAtRisk([Missed(), Missed(), Held()]));
        Assert.False(PairStatistics.IsAtRisk([Missed(), Partial()]));
        Assert.False(PairStatistics.IsAtRisk([]));
    }
}
