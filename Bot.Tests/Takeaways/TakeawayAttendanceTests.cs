using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Takeaways;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Fakes.TestInteractions;

namespace CrossCoaching.Tests.Takeaways;

/// <summary>Who is thanked and asked for a takeaway after a session, and which sessions can hold one.</summary>
public sealed class TakeawayAttendanceTests : IAsyncLifetime
{
    private FeatureHarness _h = null!;
    private Pair _pair = null!;

    public async Task InitializeAsync() => (_h, _pair) = await StartWithRitualAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    /// <summary>The ritual's first session, run from its room's preparation to its close, with these partners in the room.</summary>
    private async Task<Session> RunSessionAsync(params Snowflake[] came)
    {
        var session = (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
        await _h.RunStepAtDueAsync(session, SessionStep.Prepare);
        await _h.RunStepAtDueAsync(session, SessionStep.Open);
        foreach (var member in came)
            await _h.Get<AttendanceRepository>().JoinAsync(session.Id, member, session.SlotAt.AddMinutes(1));
        await _h.RunStepAtDueAsync(session, SessionStep.Close);
        return (await _h.Get<SessionRepository>().GetAsync(session.Id))!;
    }

    private bool AskedToShare(Snowflake member) => _h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(member))
        .Any(m => m.Components?.Any(row => row.Buttons.Any(b => b.CustomId.StartsWith(SessionMessages.TakeawayPrefix + ":share", StringComparison.Ordinal))) == true);

    private Task TakeawayAsync(Snowflake who, string? text) => RunAsync(_h.Api,
        Command(Guild, HomeChannel, User(who, who == Alice ? "Alice" : "Bob"), "takeaway", options: text is null ? [] : [Text("text", text)]),
        c => _h.Get<TakeawayCommand>().HandleAsync(c));

    [Fact]
    public async Task The_thank_you_and_share_your_takeaway_message_goes_only_to_the_partner_who_came()
    {
        await RunSessionAsync(Alice);

        Assert.True(AskedToShare(Alice));
        Assert.False(AskedToShare(Bob));
    }

    [Fact]
    public async Task A_takeaway_is_refused_with_a_clear_reply_for_a_session_nobody_attended()
    {
        var session = await RunSessionAsync();
        Assert.False(AskedToShare(Alice) || AskedToShare(Bob));

        await TakeawayAsync(Alice, "I learned nothing, nobody came.");
        Assert.Contains("Nobody joined the room", _h.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.True(_h.Api.LastCallback().Ephemeral);

        var share = ComponentId.Create(SessionMessages.TakeawayPrefix, "share", session.Id);
        await RunAsync(_h.Api, Button(Guild, HomeChannel, User(Bob, "Bob"), share, locale: "fr"),
            c => _h.Get<TakeawayButtons>().HandleAsync(c, ComponentId.Parse(share)));
        Assert.Contains("Personne n'a rejoint le salon", _h.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Empty(await _h.Get<TakeawayRepository>().ListForSessionAsync(session.Id));
    }

    [Fact]
    public async Task The_takeaway_command_still_works_for_the_last_session_of_a_pair_that_has_ended()
    {
        var session = await RunSessionAsync(Alice, Bob);
        await _h.Get<PairRepository>().EndAsync(_pair.Id, "unpaired", _h.Time.GetUtcNow());

        await TakeawayAsync(Bob, "Walking helps me think.");

        Assert.Contains("Your takeaway is saved", _h.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Equal((Snowflake?)Bob, Assert.Single(await _h.Get<TakeawayRepository>().ListForSessionAsync(session.Id)).AuthorId);
    }
}
