using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Progress;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using Dapper;
using static CrossCoaching.Tests.Progress.ProgressHarness;

namespace CrossCoaching.Tests.Progress;

public sealed class RoundButtonsTests : IAsyncLifetime
{
    private ProgressHarness _h = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        _h = await CreateAsync();
        _pair = await _h.PairAsync();
        await _h.RitualAsync(_pair);
        await _h.HeldWeeksAsync(_pair, 1, 3);
        await _h.HoldAndCloseAsync(_pair, Week(4));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task PressAsync(Snowflake user, string answer, int round = 1, string locale = "en-US")
    {
        var id = $"round:{answer}:{_pair.Id}:{round}";
        using var context = new InteractionContext(Press(user, id, locale), _h.Api, _h.Time.GetUtcNow());
        await _h.Get<RoundButtons>().HandleAsync(context, ComponentId.Parse(id));
        await _h.DrainAsync(); // the messages the press owes leave through the outbox
    }

    private async Task<string> RefusalAsync(Snowflake user, string answer, int round = 1) =>
        (await Assert.ThrowsAsync<UserErrorException>(() => PressAsync(user, answer, round))).Message;

    private IReadOnlyList<MessageSpec> Updates() =>
        [.. _h.Api.Callbacks.Where(c => c.Type == InteractionCallbackType.UpdateMessage).Select(c => c.Message!)];

    private static bool Says(MessageSpec m, string text) => m.Content?.Contains(text, StringComparison.Ordinal) == true;

    [Fact]
    public async Task When_both_continue_round_two_starts_and_both_are_told_once()
    {
        await PressAsync(Alice, "continue");
        Assert.Equal(1, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.RoundNumber);
        Assert.Contains("Waiting for the answer of **Bob**", Updates()[^1].Content, StringComparison.Ordinal);

        await PressAsync(Bob, "continue");

        var pair = (await _h.Get<PairRepository>().GetAsync(_pair.Id))!;
        Assert.Equal((2, PairStatus.Active), (pair.RoundNumber, pair.Status));
        Assert.Equal(Week(4).AddSeconds(1), pair.RoundStartedAt);
        Assert.Contains("Round 2 begins", Updates()[^1].Content, StringComparison.Ordinal);
        Assert.All(Updates(), u => Assert.Empty(u.Components!));
        Assert.Single(_h.DmsTo(Alice), m => Says(m, "round 2 begins"));
        Assert.Single(_h.DmsTo(Bob), m => Says(m, "round 2 begins"));

        await _h.Reconciler.ReconcileAsync();

        await _h.DrainAsync();
        Assert.Single(_h.DmsTo(Alice), m => Says(m, "round 2 begins"));
        Assert.Equal("Round 2: 0/4 sessions", await _h.StatusLine.LineAsync(pair, CrossCoaching.Localization.Lang.En));
    }

    [Fact]
    public async Task Both_pressing_continue_at_the_same_moment_start_one_round()
    {
        await Task.WhenAll(PressAsync(Alice, "continue"), PressAsync(Bob, "continue"));
        await _h.DrainAsync();

        Assert.Equal(2, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.RoundNumber);
        Assert.Single(_h.DmsTo(Alice), m => Says(m, "round 2 begins"));
        Assert.Single(_h.DmsTo(Bob), m => Says(m, "round 2 begins"));
    }

    [Fact]
    public async Task A_double_press_is_refused_and_counts_once()
    {
        await PressAsync(Alice, "continue");

        Assert.Equal("You already chose to continue for this round.", await RefusalAsync(Alice, "continue"));
        Assert.Equal("You already chose to continue for this round.", await RefusalAsync(Alice, "stop"));

        var answers = await _h.Get<RoundRepository>().AnswersAsync(_pair.Id, 1);
        Assert.Equal(RoundAnswer.Continue, Assert.Single(answers).Value);
        Assert.Equal(PairStatus.Active, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
    }

    [Fact]
    public async Task One_stop_ends_the_pair_cancels_its_sessions_keeps_the_trail_and_thanks_both_with_the_stats()
    {
        var next = await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id);
        Assert.Equal(SessionStatus.Scheduled, next!.Status);
        await using (var connection = await _h.Get<SqliteConnectionFactory>().OpenAsync())
            await connection.ExecuteAsync(
                "INSERT INTO takeaways (session_id, pair_id, author_id, author_name, text, visibility, created_at, updated_at) VALUES (@s, @p, 1, 'Alice', 'Listen first', 'public', @at, @at)",
                new { s = next.Id - 1, p = _pair.Id, at = _h.Time.GetUtcNow() });
        await PressAsync(Alice, "continue");

        await PressAsync(Bob, "stop");

        var pair = (await _h.Get<PairRepository>().GetAsync(_pair.Id))!;
        Assert.Equal(PairStatus.Ended, pair.Status);
        Assert.Null(await _h.Get<PairRepository>().FindCurrentAsync(Guild, Alice));
        Assert.Equal(SessionStatus.Cancelled, (await _h.Get<SessionRepository>().GetAsync(next.Id))!.Status);
        Assert.Equal(4, (await _h.Get<SessionRepository>().ListForPairAsync(_pair.Id)).Count(s => s.Status == SessionStatus.Closed));
        Assert.Contains("you chose to stop", Updates()[^1].Content, StringComparison.Ordinal);
        var toBob = Assert.Single(_h.DmsTo(Bob), m => Says(m, "🙏"));
        var toAlice = Assert.Single(_h.DmsTo(Alice), m => Says(m, "🙏"));
        Assert.Contains("Your pair with **Alice** ends here", toBob.Content, StringComparison.Ordinal);
        Assert.Contains("**Bob** chose not to go on", toAlice.Content, StringComparison.Ordinal);
        Assert.All([toAlice, toBob], m => Assert.Contains("4 held · 0 partial · 0 missed · 10 min together · longest streak 4", m.Content, StringComparison.Ordinal));
        await using (var connection = await _h.Get<SqliteConnectionFactory>().OpenAsync())
            Assert.Equal("Listen first", await connection.ExecuteScalarAsync<string>("SELECT text FROM takeaways WHERE pair_id = @Id", new { _pair.Id }));

        Assert.Equal("This pair has ended.", await RefusalAsync(Alice, "stop"));
        await _h.Reconciler.ReconcileAsync();
        await _h.DrainAsync();
        Assert.Single(_h.DmsTo(Alice), m => Says(m, "🙏"));
    }

    [Fact]
    public async Task When_Discord_is_down_after_a_stop_the_pair_still_ends_and_the_answer_shows()
    {
        _h.Api.On(nameof(IDiscordApi.CreateDmAsync), _ => throw new DiscordUnavailableException("POST /users/@me/channels", false, null));

        await PressAsync(Alice, "stop");

        Assert.Equal(PairStatus.Ended, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
        Assert.Contains("you chose to stop", Updates()[^1].Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stranger_pressing_the_buttons_is_refused_and_nothing_is_recorded()
    {
        Assert.Equal("This button is not for you.", await RefusalAsync(Stranger, "stop"));
        Assert.Equal("This button is not for you.", (await Assert.ThrowsAsync<UserErrorException>(async () =>
        {
            using var context = new InteractionContext(Press(Alice, "round:stop:9999:1"), _h.Api, _h.Time.GetUtcNow());
            await _h.Get<RoundButtons>().HandleAsync(context, ComponentId.Parse("round:stop:9999:1"));
        })).Message);

        Assert.Empty(await _h.Get<RoundRepository>().AnswersAsync(_pair.Id, 1));
        Assert.Equal(PairStatus.Active, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
    }

    [Fact]
    public async Task A_button_of_a_settled_round_is_refused()
    {
        await PressAsync(Alice, "continue");
        await PressAsync(Bob, "continue");

        Assert.Equal("This question is about a round that is already settled.", await RefusalAsync(Alice, "stop", round: 1));
        Assert.Equal("This question is about a round that is already settled.", await RefusalAsync(Alice, "stop", round: 2));
        Assert.Equal(PairStatus.Active, (await _h.Get<PairRepository>().GetAsync(_pair.Id))!.Status);
    }

    [Fact]
    public async Task The_answer_follows_the_language_of_the_one_who_pressed()
    {
        await PressAsync(Alice, "continue", locale: "fr");

        Assert.Equal("Cycle 1 avec **Bob** : vous avez choisi de continuer. En attente de la réponse de **Bob**.", Updates()[^1].Content);
    }
}
