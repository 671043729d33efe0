using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Localization;
using CrossCoaching.Progress;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using static CrossCoaching.Tests.Progress.ProgressHarness;

namespace CrossCoaching.Tests.Progress;

public sealed class RoundEndTests : IAsyncLifetime
{
    private ProgressHarness _h = null!;

    public async Task InitializeAsync() => _h = await CreateAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task ReconcileAsync()
    {
        await _h.Reconciler.ReconcileAsync();
        await _h.DrainAsync();
    }

    [Fact]
    public async Task Closing_the_fourth_session_asks_both_partners_once_with_Continue_and_Stop()
    {
        var pair = await _h.PairAsync();
        await _h.HeldWeeksAsync(pair, 1, 3);

        var fourth = await _h.HoldAndCloseAsync(pair, Week(4));

        Assert.Equal(SessionOutcome.Held, fourth.Outcome);
        foreach (var member in new[] { Alice, Bob })
        {
            var question = Assert.Single(_h.QuestionsTo(member));
            Assert.Contains("Round 1", question.Content, StringComparison.Ordinal);
            Assert.Contains("4 held", question.Content, StringComparison.Ordinal);
            Assert.Equal([$"round:continue:{pair.Id}:1", $"round:keep:{pair.Id}:1", $"round:stop:{pair.Id}:1"], question.Components!.Single().Buttons.Select(b => b.CustomId));
            Assert.Equal(["Continue", "Keep going, stop asking", "Stop"], question.Components!.Single().Buttons.Select(b => b.Label));
            Assert.Empty(question.Mentions.Users);
        }

        Assert.Contains("**Bob**", _h.QuestionsTo(Alice)[0].Content, StringComparison.Ordinal);
        Assert.Contains("**Alice**", _h.QuestionsTo(Bob)[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_close_a_repeated_handler_call_and_reconcile_passes_never_ask_twice()
    {
        var pair = await _h.PairAsync();
        await _h.HeldWeeksAsync(pair, 1, 3);
        var fourth = await _h.HoldAndCloseAsync(pair, Week(4));

        await _h.Get<SessionEnder>().CloseAsync(fourth.Id, roomDeletedByHand: false);
        foreach (var handler in _h.Services.GetServices<ISessionClosedHandler>())
            await handler.OnClosedAsync(fourth, pair);
        await ReconcileAsync();
        await ReconcileAsync();

        Assert.Single(_h.QuestionsTo(Alice));
        Assert.Single(_h.QuestionsTo(Bob));
    }

    [Fact]
    public async Task A_partner_whose_DMs_are_closed_is_not_asked_in_public_because_the_question_carries_the_rounds_summary()
    {
        var pair = await _h.PairAsync();
        await _h.HeldWeeksAsync(pair, 1, 3);
        _h.Api.OnCreateDm(user => user == Bob
            ? throw FakeDiscordWorld.Refusal(403, DiscordErrorCode.CannotSendMessagesToUser)
            : FakeDiscordWorld.Dm(user));

        await _h.HoldAndCloseAsync(pair, Week(4));
        await ReconcileAsync();
        await _h.DrainAsync();

        Assert.Single(_h.QuestionsTo(Alice));
        Assert.Empty(_h.QuestionsTo(Bob));
        Assert.DoesNotContain(_h.Api.MessagesIn(FeatureHarness.HomeChannel), m => m.Content!.Contains("🏁", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Closing_the_third_session_asks_nothing()
    {
        var pair = await _h.PairAsync();
        await _h.HeldWeeksAsync(pair, 1, 2);

        await _h.HoldAndCloseAsync(pair, Week(3));
        await ReconcileAsync();

        Assert.Empty(_h.QuestionsTo(Alice));
        Assert.Empty(_h.QuestionsTo(Bob));
    }

    [Fact]
    public async Task The_round_length_comes_from_the_guild_settings()
    {
        await _h.SetGuildAsync(roundLength: 2);
        var pair = await _h.PairAsync();
        await _h.HeldWeeksAsync(pair, 1, 1);

        await _h.HoldAndCloseAsync(pair, Week(2));

        var question = Assert.Single(_h.QuestionsTo(Alice));
        Assert.Contains("2 sessions", question.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_question_is_in_the_guild_language()
    {
        await _h.SetGuildAsync(language: Lang.Fr);
        var pair = await _h.PairAsync();
        await _h.HeldWeeksAsync(pair, 1, 3);

        await _h.HoldAndCloseAsync(pair, Week(4));

        var question = Assert.Single(_h.QuestionsTo(Bob));
        Assert.StartsWith("🏁 Le cycle 1 avec **Alice** est terminé : 4 séances.", question.Content, StringComparison.Ordinal);
        Assert.Equal(["Continuer", "Continuer sans plus demander", "Arrêter"], question.Components!.Single().Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task Skipped_cancelled_failed_and_impromptu_sessions_do_not_complete_a_round()
    {
        var pair = await _h.PairAsync();
        await _h.HeldWeeksAsync(pair, 1, 3);
        await _h.SessionAsync(pair, Week(4), SessionStatus.Skipped, SessionOutcome.Skipped, skipAnnounced: true);
        await _h.SessionAsync(pair, Week(5), SessionStatus.Cancelled);
        await _h.SessionAsync(pair, Week(6), SessionStatus.Failed);
        await _h.SessionAsync(pair, Week(6).AddDays(2), SessionStatus.Closed, SessionOutcome.Held, SessionKind.Impromptu);
        _h.Time.SetUtcNow(Week(7));

        await ReconcileAsync();

        Assert.Empty(_h.QuestionsTo(Alice));
        Assert.Equal("Round 1: 3/4 sessions", await _h.StatusLine.LineAsync(pair, Lang.En));
    }

    [Fact]
    public async Task A_round_that_ended_with_a_session_missed_while_the_bot_was_down_is_asked_by_the_reconciler()
    {
        var pair = await _h.PairAsync();
        await _h.HeldWeeksAsync(pair, 1, 3);
        // The session feature records a slot that passed while the bot was down as missed, without the closed handlers.
        await _h.SessionAsync(pair, Week(4), SessionStatus.Missed, SessionOutcome.Missed);
        _h.Time.SetUtcNow(Week(4).AddHours(2));

        await ReconcileAsync();

        Assert.Single(_h.QuestionsTo(Alice));
        Assert.Single(_h.QuestionsTo(Bob));
    }

    [Fact]
    public async Task When_Discord_is_down_at_the_close_the_question_goes_out_on_a_later_pass()
    {
        var pair = await _h.PairAsync();
        await _h.HeldWeeksAsync(pair, 1, 4);
        var fourth = (await _h.Get<SessionRepository>().ListForPairAsync(pair.Id))[^1];
        _h.Api.On(nameof(IDiscordApi.CreateDmAsync), _ => throw new DiscordUnavailableException("POST /users/@me/channels", false, null));

        await _h.ClosedHandler.OnClosedAsync(fourth, pair); // logs, does not throw: the session is closed anyway
        await _h.DrainAsync();
        Assert.Empty(_h.QuestionsTo(Alice));

        _h.Api.AcceptingEverything();
        await ReconcileAsync();
        _h.Time.Advance(TimeSpan.FromMinutes(15)); // past the outbox's backoff
        await _h.DrainAsync();

        Assert.Single(_h.QuestionsTo(Alice));
        Assert.Single(_h.QuestionsTo(Bob));
    }

    [Fact]
    public async Task An_ended_pair_is_not_asked()
    {
        var pair = await _h.PairAsync();
        await _h.HeldWeeksAsync(pair, 1, 4);
        await _h.Get<PairRepository>().EndAsync(pair.Id, "unpaired", _h.Time.GetUtcNow());

        await _h.ClosedHandler.OnClosedAsync((await _h.Get<SessionRepository>().ListForPairAsync(pair.Id))[^1], pair);
        await ReconcileAsync();

        Assert.Empty(_h.QuestionsTo(Alice));
    }
}
