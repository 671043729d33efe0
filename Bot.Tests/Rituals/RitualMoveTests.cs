using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Sessions;
using CrossCoaching.Sessions.Scheduling;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Fakes.TestInteractions;

namespace CrossCoaching.Tests.Rituals;

/// <summary>
/// <c>/ritual move</c> on Monday 2 November 2026 at 12:00 UTC: the next session is today at 14:00 in Paris (13:00 UTC);
/// Alice proposes Wednesday at 18:30 in Paris (17:30 UTC), the session after it is next Monday.
/// </summary>
public sealed class RitualMoveTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Today = Monday.AddHours(1), Wednesday = new(2026, 11, 4, 17, 30, 0, TimeSpan.Zero), NextMonday = Today.AddDays(7);
    private FeatureHarness _h = null!;
    private Pair _pair = null!;
    private Session _next = null!;

    public async Task InitializeAsync()
    {
        (_h, _pair) = await StartWithRitualAsync();
        _next = (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!;
        Assert.Equal(Today, _next.SlotAt);
    }

    public async Task DisposeAsync() => await _h.DisposeAsync();

    private Task MoveAsync(string date, string? time = "18:30", Snowflake? user = null, string locale = "en-US") =>
        RunAsync(_h.Api, Command(Guild, HomeChannel, User(user ?? Alice, "Alice"), "ritual", "move",
            [Text("date", date), .. time is null ? Array.Empty<InteractionOption>() : [Text("time", time)]], locale: locale),
            c => _h.Get<RitualCommand>().HandleAsync(c));

    private MessageSpec AskTo(Snowflake user) => _h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(user)).Last(m => m.Content!.StartsWith("📅", StringComparison.Ordinal));

    private async Task<string> PressAsync(Snowflake user, string action)
    {
        var id = AskTo(Bob).Components![0].Buttons.Single(b => b.CustomId.StartsWith($"move:{action}:", StringComparison.Ordinal)).CustomId;
        await RunAsync(_h.Api, DmButton(User(user, $"user{user}"), id), c => _h.Get<MoveButtons>().HandleAsync(c, ComponentId.Parse(id)));
        await _h.DrainAsync();
        return _h.Api.LastCallback().Message!.Content!;
    }

    private async Task<Session> SessionAsync() => (await _h.Get<SessionRepository>().GetAsync(_next.Id))!;

    [Fact]
    public async Task Proposing_asks_the_partner_with_buttons_and_leaves_the_session_where_it_is_until_they_answer()
    {
        await MoveAsync("2026-11-04");
        await _h.DrainAsync();

        Assert.StartsWith("📅 Proposed to **Bob**", _h.Api.LastReplyText(), StringComparison.Ordinal);
        var ask = AskTo(Bob);
        Assert.Contains($"from <t:{Today.ToUnixTimeSeconds()}:F> to <t:{Wednesday.ToUnixTimeSeconds()}:F>", ask.Content, StringComparison.Ordinal);
        Assert.Equal(["Accept", "Decline"], ask.Components![0].Buttons.Select(b => b.Label));
        Assert.Empty(ask.Mentions.Users);
        Assert.Equal(Today, (await SessionAsync()).SlotAt);
    }

    [Fact]
    public async Task Accepting_moves_that_session_only_with_its_steps_and_tells_the_proposer()
    {
        await MoveAsync("04/11/2026");
        await _h.DrainAsync();

        Assert.StartsWith("✅ Accepted: your next session with **Alice**", await PressAsync(Bob, "accept"), StringComparison.Ordinal);

        Assert.Equal(Wednesday, (await SessionAsync()).SlotAt);
        var steps = await _h.Get<SessionRepository>().GetStepsAsync(_next.Id);
        Assert.Equal(Wednesday.AddMinutes(-10), steps.Single(s => s.Step == SessionStep.Remind).DueAt);
        Assert.Equal(Wednesday.AddMinutes(15), steps.Single(s => s.Step == SessionStep.Warn).DueAt);
        // Wednesday lies beyond the scheduler's near horizon: the old trigger is gone, and the horizon arms the moved
        // steps when they come within reach.
        Assert.Null(await (await _h.Get<ISchedulerFactory>().GetScheduler()).GetTrigger(SessionScheduler.Key(_next.Id, SessionStep.Open)));
        Assert.Single(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Alice)), m => m.Content!.StartsWith("✅ **Bob** accepted", StringComparison.Ordinal));

        // The series is unchanged: after the moved session comes next Monday, and today's slot is never planned again.
        _h.Time.SetUtcNow(Today.AddMinutes(1));
        Assert.Equal(_next.Id, (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!.Id);
        await _h.Get<SessionRepository>().SetStatusAsync(_next.Id, SessionStatus.Closed, SessionOutcome.Held);
        Assert.Equal(NextMonday, (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!.SlotAt);
        Assert.Null(await _h.Get<SessionRepository>().FindAtSlotAsync(_pair.Id, Today));
    }

    [Fact]
    public async Task A_session_moved_earlier_does_not_bring_its_original_slot_back_once_it_is_over()
    {
        await MoveAsync("2026-11-02", "13:20"); // 12:20 UTC, before today's 13:00
        await _h.DrainAsync();
        await PressAsync(Bob, "accept");
        Assert.Equal(Today.AddMinutes(-40), (await SessionAsync()).SlotAt);

        _h.Time.SetUtcNow(Today.AddMinutes(-10));
        await _h.Get<SessionRepository>().SetStatusAsync(_next.Id, SessionStatus.Closed, SessionOutcome.Held);

        Assert.Equal(NextMonday, (await _h.Get<SessionPlanner>().PlanNextAsync(_pair.Id))!.SlotAt);
    }

    [Fact]
    public async Task Ritual_show_lists_the_moved_session_at_its_new_date()
    {
        await MoveAsync("2026-11-04");
        await _h.DrainAsync();
        await PressAsync(Bob, "accept");

        await RunAsync(_h.Api, Command(Guild, HomeChannel, User(Bob, "Bob"), "ritual", "show"), c => _h.Get<RitualCommand>().HandleAsync(c));

        var shown = _h.Api.LastReplyText();
        Assert.DoesNotContain($"<t:{Today.ToUnixTimeSeconds()}:F>", shown, StringComparison.Ordinal);
        var (moved, following) = (shown.IndexOf($"<t:{Wednesday.ToUnixTimeSeconds()}:F>", StringComparison.Ordinal),
            shown.IndexOf($"<t:{NextMonday.ToUnixTimeSeconds()}:F>", StringComparison.Ordinal));
        Assert.True(moved >= 0 && following > moved, shown);
    }

    [Fact]
    public async Task Declining_keeps_the_original_tells_the_proposer_and_a_second_press_is_refused()
    {
        await MoveAsync("2026-11-04");
        await _h.DrainAsync();

        Assert.StartsWith("You declined", await PressAsync(Bob, "decline"), StringComparison.Ordinal);
        Assert.Equal(Today, (await SessionAsync()).SlotAt);
        Assert.Single(_h.Api.MessagesIn(FakeDiscordWorld.DmChannelOf(Alice)), m => m.Content!.StartsWith("**Bob** declined", StringComparison.Ordinal));
        Assert.Equal("This proposal has already been answered or replaced.", await PressAsync(Bob, "accept"));
        Assert.Equal(Today, (await SessionAsync()).SlotAt);
    }

    [Fact]
    public async Task Strangers_and_the_proposer_cannot_answer()
    {
        await MoveAsync("2026-11-04");
        await _h.DrainAsync();

        Assert.Contains("not for you", await PressAsync(new Snowflake(13), "accept"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("This proposal is for your partner to answer.", await PressAsync(Alice, "accept"));
        Assert.Equal(Today, (await SessionAsync()).SlotAt);
    }

    [Fact]
    public async Task An_answer_after_the_original_slot_is_too_late_and_the_original_stands()
    {
        await MoveAsync("2026-11-04");
        await _h.DrainAsync();
        _h.Time.SetUtcNow(Today);

        Assert.Equal("This proposal has lapsed: the session stays where it was.", await PressAsync(Bob, "accept"));
        Assert.Equal(Today, (await SessionAsync()).SlotAt);
    }

    [Theory]
    [InlineData("2026-11-01", "18:30", "Pick a moment in the future.")]
    [InlineData("2026-11-09", "14:00", "Pick a moment before the session after it")]
    [InlineData("2026-11-02", "14:00", "That is already when your next session is.")]
    [InlineData("4 nov", "18:30", "I could not read the date")]
    [InlineData("2026-11-04", "25h", "I could not read the time")]
    public async Task A_moment_that_cannot_be_the_next_session_is_refused_with_a_reason(string date, string time, string reason)
    {
        await MoveAsync(date, time);

        Assert.StartsWith(reason, _h.Api.LastReplyText(), StringComparison.Ordinal);
        Assert.Equal(Today, (await SessionAsync()).SlotAt);
    }

    [Fact]
    public async Task Refusals_are_in_french_for_a_french_client()
    {
        await MoveAsync("2026-11-10", locale: "fr");

        Assert.StartsWith("Choisissez un moment avant la séance suivante", _h.Api.LastReplyText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_move_interrupted_before_its_triggers_were_replaced_is_re_armed_by_the_reconciler()
    {
        // The move commits, then the process dies before the triggers move: they still point at today's slot.
        await _h.Get<SessionScheduler>().ArmAsync(await _h.Get<SessionRepository>().GetStepsAsync(_next.Id));
        await using (var work = await _h.Get<SqliteConnectionFactory>().BeginAsync())
        {
            Assert.True(await _h.Get<SessionMover>().MoveAsync(work, _next, Wednesday, reminderMinutes: 10));
            await work.CommitAsync();
        }

        var scheduler = await _h.Get<ISchedulerFactory>().GetScheduler();
        Assert.Equal(Today, (await scheduler.GetTrigger(SessionScheduler.Key(_next.Id, SessionStep.Open)))!.StartTimeUtc);

        await _h.Services.GetServices<CrossCoaching.Hosting.IReconcilable>().OfType<MovedSessionsReconciler>().Single().ReconcileAsync();

        // The triggers of the original slot are gone; Wednesday is beyond the near horizon, which arms it in time.
        Assert.Null(await scheduler.GetTrigger(SessionScheduler.Key(_next.Id, SessionStep.Open)));
        Assert.Null(await scheduler.GetTrigger(SessionScheduler.Key(_next.Id, SessionStep.Close)));
        Assert.Empty(await _h.Get<SessionMoveRepository>().ListUnarmedAsync());
    }
}
