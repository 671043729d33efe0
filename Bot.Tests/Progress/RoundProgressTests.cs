using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Progress;
using CrossCoaching.Sessions;

namespace CrossCoaching.Tests.Progress;

public sealed class RoundProgressTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 14, 0, 0, TimeSpan.Zero);
    private static readonly Pair Pair = new(7, new Snowflake(10), new Snowflake(1), new Snowflake(2), "Alice", "Bob", PairStatus.Active, 1, Monday.AddHours(-5), Monday.AddHours(-5), null);
    private int _week;

    private Session Next(SessionStatus status, SessionOutcome? outcome = null, SessionKind kind = SessionKind.Ritual) =>
        new(++_week, Pair.Id, Pair.GuildId, kind, Monday.AddDays(7 * (_week - 1)), 15, 5, status, outcome, false, null, null, null, Monday, null);

    [Fact]
    public void Held_partial_and_missed_ritual_sessions_count_towards_the_round()
    {
        var sessions = new[] { Next(SessionStatus.Closed, SessionOutcome.Held), Next(SessionStatus.Closed, SessionOutcome.Partial), Next(SessionStatus.Missed, SessionOutcome.Missed) };

        var progress = RoundProgress.Of(Pair, sessions, 4);

        Assert.Equal((1, 3, 4, false), (progress.Round, progress.Done, progress.Length, progress.IsComplete));
        Assert.Null(progress.LastOfRound);
    }

    [Fact]
    public void Skipped_cancelled_failed_unfinished_and_impromptu_sessions_do_not_count()
    {
        var sessions = new[]
        {
            Next(SessionStatus.Skipped, SessionOutcome.Skipped), Next(SessionStatus.Cancelled), Next(SessionStatus.Failed),
            Next(SessionStatus.Closed, SessionOutcome.Held, SessionKind.Impromptu), Next(SessionStatus.Scheduled), Next(SessionStatus.Open),
        };

        Assert.Equal(0, RoundProgress.Of(Pair, sessions, 4).Done);
    }

    [Fact]
    public void The_round_is_complete_at_its_length_and_its_last_session_is_the_one_that_completed_it()
    {
        var sessions = Enumerable.Range(0, 5).Select(_ => Next(SessionStatus.Closed, SessionOutcome.Held)).ToList();

        var progress = RoundProgress.Of(Pair, sessions, 4);

        Assert.True(progress.IsComplete);
        Assert.Equal(4, progress.Done);
        Assert.Equal(sessions[3].Id, progress.LastOfRound!.Id);
    }

    [Fact]
    public void Only_sessions_from_the_start_of_the_round_count()
    {
        var before = Enumerable.Range(0, 4).Select(_ => Next(SessionStatus.Closed, SessionOutcome.Held)).ToList();
        var roundTwo = Pair with { RoundNumber = 2, RoundStartedAt = RoundProgress.NextRoundStart(before[^1]) };
        var after = Next(SessionStatus.Closed, SessionOutcome.Held);

        var progress = RoundProgress.Of(roundTwo, [.. before, after], 4);

        Assert.Equal((2, 1), (progress.Round, progress.Done));
        Assert.Equal(after.Id, progress.Counted.Single().Id);
    }
}
