using CrossCoaching.Discord;
using CrossCoaching.GuildSettings;
using CrossCoaching.Progress;
using CrossCoaching.Sessions;

namespace CrossCoaching.Tests.Progress;

/// <summary>
/// The rounds' later passes look only at pairs a session ending touched since the last pass, or whose question has just
/// waited its week; the full sweep (first pass, then daily) still looks at every pair whose round is over.
/// </summary>
public sealed class RoundWindowTests
{
    [Fact]
    public async Task A_later_pass_looks_only_at_pairs_whose_session_just_ended_or_whose_question_just_waited_a_week()
    {
        await using var h = await ProgressHarness.CreateAsync();
        const int length = GuildConfig.DefaultRoundLength;
        var quiet = await h.PairAsync();
        var fresh = await h.PairAsync(new Snowflake(21), new Snowflake(22));
        var silent = await h.PairAsync(new Snowflake(23), new Snowflake(24));
        for (var week = 1; week <= length; week++)
        {
            await h.SessionAsync(quiet, ProgressHarness.Week(week).AddDays(1), SessionStatus.Closed, SessionOutcome.Held); // ended days ago
            await h.SessionAsync(fresh, ProgressHarness.Week(week + 1), SessionStatus.Closed, SessionOutcome.Held); // the last one ended just now
            await h.SessionAsync(silent, ProgressHarness.Week(week), SessionStatus.Closed, SessionOutcome.Held); // the last one ended a week ago
        }

        var now = ProgressHarness.Week(length + 1).AddMinutes(30);
        var lastPass = now.AddMinutes(-15);
        var rounds = h.Get<RoundRepository>();

        Assert.Equal([quiet.Id, fresh.Id, silent.Id], await rounds.ListPairsWithRoundOverAsync());
        Assert.Equal([fresh.Id, silent.Id],
            await rounds.ListPairsWithRoundOverAsync(lastPass, lastPass - RoundDecisions.AnswerWindow, now - RoundDecisions.AnswerWindow));
    }
}
