using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Progress;
using CrossCoaching.Rituals;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Progress.ProgressHarness;

namespace CrossCoaching.Tests.Progress;

/// <summary>"Keep going, stop asking" at a round's end, and <c>/ritual rounds</c> that brings the question back.</summary>
public sealed class QuietRoundsTests : IAsyncLifetime
{
    private ProgressHarness _h = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync()
    {
        _h = await CreateAsync();
        await _h.SetGuildAsync(roundLength: 2);
        _pair = await _h.PairAsync();
        await _h.RitualAsync(_pair);
        await _h.HeldWeeksAsync(_pair, 1, 1);
        await _h.HoldAndCloseAsync(_pair, Week(2));
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private async Task PressAsync(Snowflake user, string answer, int round = 1)
    {
        var id = $"round:{answer}:{_pair.Id}:{round}";
        using var context = new InteractionContext(Press(user, id), _h.Api, _h.Time.GetUtcNow());
        await _h.Get<RoundButtons>().HandleAsync(context, ComponentId.Parse(id));
        await _h.DrainAsync();
    }

    private Task RoundsAsync(Snowflake user, string locale = "en-US") =>
        TestInteractions.RunAsync(_h.Api,
            TestInteractions.Command(Guild, FeatureHarness.HomeChannel, TestInteractions.User(user, $"user{user}"), "ritual", "rounds", locale: locale),
            c => _h.Get<RitualCommand>().HandleAsync(c));

    private async Task<Pair> CurrentAsync() => (await _h.Get<PairRepository>().GetAsync(_pair.Id))!;

    [Fact]
    public async Task The_question_offers_continue_keep_going_and_stop_in_that_order()
    {
        var question = Assert.Single(_h.QuestionsTo(Alice));
        var buttons = question.Components!.SelectMany(r => r.Buttons).ToList();
        Assert.Equal(["Continue", "Keep going, stop asking", "Stop"], buttons.Select(b => b.Label));
        Assert.Equal($"round:keep:{_pair.Id}:1", buttons[1].CustomId);
    }

    [Fact]
    public async Task Keep_going_counts_as_continue_and_later_rounds_move_on_without_a_question()
    {
        await PressAsync(Alice, "keep");
        await PressAsync(Bob, "continue");
        Assert.Equal(2, (await CurrentAsync()).RoundNumber);
        Assert.Single(_h.DmsTo(Bob), m => m.Content!.Contains("round 2 begins", StringComparison.Ordinal) && m.Content.Contains("ritual rounds", StringComparison.Ordinal));

        await _h.HoldAndCloseAsync(_pair, Week(3));
        await _h.HoldAndCloseAsync(_pair, Week(4));
        await _h.Reconciler.ReconcileAsync();
        await _h.DrainAsync();

        var pair = await CurrentAsync();
        Assert.Equal((3, Week(4).AddSeconds(1)), (pair.RoundNumber, pair.RoundStartedAt));
        Assert.Single(_h.QuestionsTo(Alice)); // only round 1's
        Assert.Single(_h.QuestionsTo(Bob));
        Assert.StartsWith("Round 3: 0/2 sessions (not asking", await _h.StatusLine.LineAsync(pair, CrossCoaching.Localization.Lang.En), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Running_ritual_rounds_brings_the_question_back_at_the_end_of_the_round_and_tells_the_partner()
    {
        await PressAsync(Alice, "keep");
        await PressAsync(Bob, "keep");
        await _h.HoldAndCloseAsync(_pair, Week(3));

        await RoundsAsync(Bob, "fr");
        Assert.StartsWith("C'est noté : à la fin du cycle 2 (1/2 séances", _h.Api.LastReplyText(), StringComparison.Ordinal);
        await _h.DrainAsync();
        Assert.Single(_h.DmsTo(Alice), m => m.Content!.Contains("asked for the round question to come back", StringComparison.Ordinal));

        await _h.HoldAndCloseAsync(_pair, Week(4));
        Assert.Equal(2, (await CurrentAsync()).RoundNumber);
        Assert.Equal(2, _h.QuestionsTo(Alice).Count);
        Assert.Equal(2, _h.QuestionsTo(Bob).Count);

        await RoundsAsync(Alice);
        Assert.Equal("You are already asked at the end of each round.", _h.Api.LastReplyText());
    }

    [Fact]
    public async Task A_stranger_cannot_press_keep_going()
    {
        var refusal = await Assert.ThrowsAsync<UserErrorException>(() => PressAsync(Stranger, "keep"));
        Assert.NotEmpty(refusal.Message);
        Assert.False(await _h.Get<QuietRounds>().IsQuietAsync(_pair.Id));
    }
}
