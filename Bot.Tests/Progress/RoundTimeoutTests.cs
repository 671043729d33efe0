using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Progress;
using CrossCoaching.Rituals;
using CrossCoaching.Sessions;
using static CrossCoaching.Tests.Progress.ProgressHarness;

namespace CrossCoaching.Tests.Progress;

public sealed class RoundTimeoutTests : IAsyncLifetime
{
    private ProgressHarness _h = null!;
    private Pair _pair = null!;
    private DateTimeOffset _asked;

    public async Task InitializeAsync()
    {
        _h = await CreateAsync();
        _pair = await _h.PairAsync();
        await _h.RitualAsync(_pair);
        await _h.HeldWeeksAsync(_pair, 1, 3);
        await _h.HoldAndCloseAsync(_pair, Week(4));
        _asked = _h.Time.GetUtcNow();
        await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task PressAsync(Snowflake user, string answer)
    {
        var id = $"round:{answer}:{_pair.Id}:1";
        using var context = new InteractionContext(Press(user, id), _h.Api, _h.Time.GetUtcNow());
        await _h.Get<RoundButtons>().HandleAsync(context, ComponentId.Parse(id));
        await _h.DrainAsync(); // the messages the press owes leave through the outbox
    }

    /// <summary>The week-5 session runs while the answers are awaited (it closes exactly a week after the question), and week 6 is planned.</summary>
    private async Task LiveThroughWeekFiveAsync()
    {
        await _h.HoldAndCloseAsync(_pair, Week(5));
        await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id);
    }

    private IEnumerable<MessageSpec> PauseNotices(Snowflake user) => _h.DmsTo(user).Where(m => m.Content?.StartsWith("⏸️", StringComparison.Ordinal) == true);

    private async Task<Ritual> RitualAsync() => (await _h.Get<RitualRepository>().GetAsync(_pair.Id))!;

    private async Task<IReadOnlyList<Session>> UpcomingAsync() => await _h.Get<SessionRepository>().ListUnfinishedForPairAsync(_pair.Id);

    [Fact]
    public async Task Seven_days_of_silence_pause_the_ritual_and_remind_both_exactly_once()
    {
        Assert.Single(await UpcomingAsync());
        _h.Time.SetUtcNow(_asked.AddDays(7).AddMinutes(-1));
        await _h.Reconciler.ReconcileAsync();
        await _h.DrainAsync();
        Assert.False((await RitualAsync()).Paused);
        Assert.Empty(PauseNotices(Alice));

        await LiveThroughWeekFiveAsync();
        Assert.Equal(_asked.AddDays(7), _h.Time.GetUtcNow());
        Assert.Equal(Week(6), Assert.Single(await UpcomingAsync()).SlotAt);
        await _h.Reconciler.ReconcileAsync();
        await _h.DrainAsync();
        _h.Time.Advance(TimeSpan.FromDays(3));
        await _h.Reconciler.ReconcileAsync();
        await _h.DrainAsync();

        Assert.True((await RitualAsync()).Paused);
        Assert.Empty(await UpcomingAsync());
        foreach (var member in new[] { Alice, Bob })
        {
            var notice = Assert.Single(PauseNotices(member));
            Assert.Contains("paused", notice.Content, StringComparison.Ordinal);
            Assert.Equal([$"round:continue:{_pair.Id}:1", $"round:keep:{_pair.Id}:1", $"round:stop:{_pair.Id}:1"], notice.Components!.Single().Buttons.Select(b => b.CustomId));
        }

        Assert.Single(_h.QuestionsTo(Alice), m => !m.Content!.StartsWith("⏸️", StringComparison.Ordinal));
        Assert.Equal(PairStatus.Active, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
    }

    [Fact]
    public async Task One_answer_is_not_enough_the_one_who_answered_is_told_who_is_awaited()
    {
        await PressAsync(Alice, "continue");
        await LiveThroughWeekFiveAsync();
        _h.Time.SetUtcNow(_asked.AddDays(8));

        await _h.Reconciler.ReconcileAsync();

        await _h.DrainAsync();

        Assert.True((await RitualAsync()).Paused);
        var toAlice = Assert.Single(PauseNotices(Alice));
        Assert.Contains("**Bob** has not answered yet", toAlice.Content, StringComparison.Ordinal);
        Assert.Null(toAlice.Components);
        Assert.NotNull(Assert.Single(PauseNotices(Bob)).Components);
    }

    [Fact]
    public async Task Answers_after_the_pause_still_work_both_continue_resumes_the_ritual()
    {
        await LiveThroughWeekFiveAsync();
        _h.Time.SetUtcNow(_asked.AddDays(9));
        await _h.Reconciler.ReconcileAsync();
        await _h.DrainAsync();
        Assert.True((await RitualAsync()).Paused);
        Assert.Empty(await UpcomingAsync());

        _h.Time.Advance(TimeSpan.FromDays(2));
        await PressAsync(Bob, "continue");
        Assert.True((await RitualAsync()).Paused);
        await PressAsync(Alice, "continue");
        await _h.DrainAsync();

        Assert.False((await RitualAsync()).Paused);
        var next = Assert.Single(await UpcomingAsync());
        Assert.Equal(Week(6), next.SlotAt); // the slot the pause cancelled is planned again
        var pair = (await _h.Get<PairRepository>().GetAsync(_pair.Id))!;
        Assert.Equal(2, pair.RoundNumber);
        // The session held while the answers were awaited counts towards the new round.
        Assert.Equal("Round 2: 1/4 sessions", await _h.StatusLine.LineAsync(pair, CrossCoaching.Localization.Lang.En));
        Assert.Single(_h.DmsTo(Alice), m => m.Content!.Contains("your ritual is back on", StringComparison.Ordinal));
        Assert.Single(_h.DmsTo(Bob), m => m.Content!.Contains("your ritual is back on", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_ritual_the_partners_resumed_by_hand_is_not_paused_again()
    {
        await LiveThroughWeekFiveAsync();
        _h.Time.SetUtcNow(_asked.AddDays(8));
        await _h.Reconciler.ReconcileAsync();
        await _h.DrainAsync();
        await _h.Get<RitualRepository>().SaveAsync((await RitualAsync()) with { Paused = false });

        _h.Time.Advance(TimeSpan.FromDays(1));
        await _h.Reconciler.ReconcileAsync();
        await _h.DrainAsync();

        Assert.False((await RitualAsync()).Paused);
        Assert.Single(PauseNotices(Bob));
    }

    [Fact]
    public async Task A_stop_after_the_pause_ends_the_pair()
    {
        _h.Time.SetUtcNow(_asked.AddDays(8));
        await _h.Reconciler.ReconcileAsync();
        await _h.DrainAsync();

        await PressAsync(Alice, "stop");

        Assert.Equal(PairStatus.Ended, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
    }
}
