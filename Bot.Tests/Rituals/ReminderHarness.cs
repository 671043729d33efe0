using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Rituals;

/// <summary>
/// Alice and Bob, ten minutes before their Monday session, each holding its reminder DM; presses go through the bot's
/// own router, so a refusal is the ephemeral answer a partner really sees.
/// </summary>
internal sealed class ReminderHarness : IAsyncDisposable
{
    // The harness's Monday ritual: 14:00 in Paris is 13:00 UTC, the reminder 10 minutes before.
    public static readonly DateTimeOffset Slot = Monday.AddHours(1);

    private ReminderHarness(FeatureHarness h, Pair pair, Session session) => (H, Pair, Session) = (h, pair, session);

    public FeatureHarness H { get; }

    public Pair Pair { get; }

    public Session Session { get; }

    public FakeDiscordApi Api => H.Api;

    public static async Task<ReminderHarness> StartAsync()
    {
        var h = await FeatureHarness.StartAsync(Monday);
        h.Cache.AddGuild(Guild, RoomPermissions.Wanted | Permissions.EmbedLinks);
        var pair = await h.PairAsync();
        await h.RitualAsync(pair, MondayAt14);
        var session = (await h.Get<SessionPlanner>().PlanNextAsync(pair.Id))!;
        h.Time.SetUtcNow(Slot.AddMinutes(-10));
        await h.Get<SessionRunner>().RunAsync(session.Id, SessionStep.Remind);
        await h.DrainAsync();
        return new ReminderHarness(h, pair, session);
    }

    public string Id(string action) => $"session:{action}:{Session.Id}";

    /// <summary>Bob (or <paramref name="user"/>) presses a button of his reminder DM.</summary>
    public Task PressAsync(string action, string locale = "en-US", Snowflake? user = null) =>
        RouteAsync(TestInteractions.DmButton(TestInteractions.User(user ?? Bob, user == Carol ? "Carol" : "Bob"), Id(action), locale));

    public async Task RouteAsync(Interaction interaction)
    {
        var clock = new FakeTimeProvider(Monday); // never advanced: the router's deferral after 2 s stays out of the way
        var router = new InteractionRouter([], [H.Get<ReminderButtons>()], Api, clock, NullLogger<InteractionRouter>.Instance);
        await router.RouteAsync(interaction, clock.GetUtcNow());
        await H.DrainAsync(); // what the press owes the partner leaves through the outbox
    }

    /// <summary>The last answer to a press.</summary>
    public InteractionCallback Answer => Api.LastCallback();

    public IReadOnlyList<MessageSpec> DmsTo(Snowflake user) => Api.MessagesIn(FakeDiscordWorld.DmChannelOf(user));

    public IReadOnlyList<MessageSpec> LateNoticesToAlice() =>
        [.. DmsTo(Alice).Where(m => m.Content!.Contains("running about 5 minutes late", StringComparison.Ordinal))];

    public async Task<Session> ReloadAsync() => (await H.Get<SessionRepository>().GetAsync(Session.Id))!;

    /// <summary>The press got an ephemeral message saying <paramref name="text"/>, and no press ever changed the reminder.</summary>
    public void AssertRefused(string text)
    {
        Assert.Equal((InteractionCallbackType.ChannelMessageWithSource, true, text), (Answer.Type, Answer.Ephemeral, Answer.Message!.Content));
        Assert.DoesNotContain(Api.Callbacks, c => c.Type == InteractionCallbackType.UpdateMessage);
    }

    public ValueTask DisposeAsync() => H.DisposeAsync();
}
