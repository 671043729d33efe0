using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Hosting;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Progress;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.Progress;

/// <summary>
/// The shared <see cref="FeatureHarness"/> (the bot's real service graph, Discord faked, the clock in the test's
/// hands) with what the progress tests add: pairs with any names, finished sessions, DMs per user, and button presses
/// made in a direct message, where the round's question lands.
/// </summary>
internal sealed class ProgressHarness : IAsyncDisposable
{
    public static readonly Snowflake Guild = FeatureHarness.Guild, Alice = FeatureHarness.Alice, Bob = FeatureHarness.Bob, Stranger = new(13);

    /// <summary>A Monday, 09:00 UTC: the pair forms then, its ritual is on Mondays at 14:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly FeatureHarness _h;

    private ProgressHarness(FeatureHarness harness) => _h = harness;

    public FakeDiscordApi Api => _h.Api;

    public FakeTimeProvider Time => _h.Time;

    public IServiceProvider Services => _h.Services;

    public T Get<T>() where T : notnull => _h.Get<T>();

    /// <summary>The one implementation of <typeparamref name="TService"/> that is a <typeparamref name="T"/>, as registered.</summary>
    public T Find<TService, T>() where TService : notnull => Services.GetServices<TService>().OfType<T>().Single();

    public RoundReconciler Reconciler => Find<IReconcilable, RoundReconciler>();

    public RoundStatusLine StatusLine => Find<IRitualStatusLine, RoundStatusLine>();

    public RoundEnd ClosedHandler => Find<ISessionClosedHandler, RoundEnd>();

    public static async Task<ProgressHarness> CreateAsync() => new(await FeatureHarness.StartAsync(Start));

    public async Task<Pair> PairAsync(Snowflake? a = null, Snowflake? b = null, string nameA = "Alice", string nameB = "Bob")
    {
        var now = Time.GetUtcNow();
        var invitation = await Get<InvitationRepository>().CreateAsync(Guild, FeatureHarness.HomeChannel, a ?? Alice, nameA, b ?? Bob, now, now.AddHours(48));
        return (await Get<PairRepository>().CreateFromInvitationAsync(invitation!, nameA, nameB, now)).Pair!;
    }

    /// <summary>Mondays at 14:00 UTC, 15 minutes.</summary>
    public Task<Ritual> RitualAsync(Pair pair) =>
        _h.RitualAsync(pair, new RitualRule(RitualFrequency.Week, DayOfWeek.Monday, new TimeOnly(14, 0), "Etc/UTC", DateOnly.FromDateTime(Start.UtcDateTime)));

    public Task SetGuildAsync(int roundLength = GuildConfig.DefaultRoundLength, Lang? language = null) =>
        Get<GuildSettingsRepository>().SaveAsync(new GuildConfig(Guild, Language: language, RoundLength: roundLength));

    /// <summary>The slot of the ritual's n-th Monday (1 = the day the pair formed).</summary>
    public static DateTimeOffset Week(int n) => Start.AddDays(7 * (n - 1)).AddHours(5);

    /// <summary>A finished session, stored as the session feature stores one.</summary>
    public async Task<Session> SessionAsync(Pair pair, DateTimeOffset slot, SessionStatus status, SessionOutcome? outcome = null,
        SessionKind kind = SessionKind.Ritual, bool skipAnnounced = false)
    {
        var session = await CreateSessionAsync(pair, slot, kind);
        await Get<SessionRepository>().SetStatusAsync(session.Id, status, outcome, closedAt: slot.AddMinutes(20),
            skipAnnounced: status == SessionStatus.Skipped ? skipAnnounced : null);
        return (await Get<SessionRepository>().GetAsync(session.Id))!;
    }

    public Task<Session> CreateSessionAsync(Pair pair, DateTimeOffset slot, SessionKind kind = SessionKind.Ritual) =>
        Get<SessionRepository>().CreateAsync(
            new Session(0, pair.Id, pair.GuildId, kind, slot, 15, 5, SessionStatus.Scheduled, null, false, null, null, null, Time.GetUtcNow(), null),
            [(SessionStep.Open, slot), (SessionStep.Warn, slot.AddMinutes(15)), (SessionStep.Close, slot.AddMinutes(20))]);

    /// <summary>Held sessions on the Mondays of weeks <paramref name="fromWeek"/> to <paramref name="toWeek"/>.</summary>
    public async Task HeldWeeksAsync(Pair pair, int fromWeek, int toWeek)
    {
        for (var week = fromWeek; week <= toWeek; week++)
            await SessionAsync(pair, Week(week), SessionStatus.Closed, SessionOutcome.Held);
    }

    /// <summary>
    /// Runs a session through the session feature's own close, as the scheduler would: open at its slot with both
    /// partners in the room for ten minutes, then closed — which calls every <see cref="ISessionClosedHandler"/>.
    /// </summary>
    public async Task<Session> HoldAndCloseAsync(Pair pair, DateTimeOffset slot)
    {
        var session = await CreateSessionAsync(pair, slot);
        var attendance = Get<AttendanceRepository>();
        await Get<SessionRepository>().SetStatusAsync(session.Id, SessionStatus.Open);
        await attendance.JoinAsync(session.Id, pair.MemberA, slot);
        await attendance.JoinAsync(session.Id, pair.MemberB, slot);
        await attendance.LeaveAllAsync(session.Id, slot.AddMinutes(10));
        if (Time.GetUtcNow() < slot.AddMinutes(20))
            Time.SetUtcNow(slot.AddMinutes(20));
        await Get<SessionEnder>().CloseAsync(session.Id, roomDeletedByHand: false);
        await DrainAsync();
        return (await Get<SessionRepository>().GetAsync(session.Id))!;
    }

    public IReadOnlyList<MessageSpec> DmsTo(Snowflake user) => Api.MessagesIn(FakeDiscordWorld.DmChannelOf(user));

    /// <summary>Direct messages to a user carrying the round's Continue / Stop buttons.</summary>
    public IReadOnlyList<MessageSpec> QuestionsTo(Snowflake user) =>
        [.. DmsTo(user).Where(m => m.Components?.SelectMany(r => r.Buttons).Any(b => b.CustomId.StartsWith("round:", StringComparison.Ordinal)) == true)];

    /// <summary>A press on a button of a direct message (no guild there).</summary>
    public static Interaction Press(Snowflake user, string customId, string locale = "en-US") => new(
        new Snowflake(700), new Snowflake(999), InteractionType.MessageComponent, "press-token", null, FakeDiscordWorld.DmChannelOf(user),
        TestInteractions.User(user, $"user{user}"), null, Permissions.None, Permissions.None, locale, null, CustomId: customId);

    public static Interaction Command(Snowflake user, Permissions permissions = Permissions.None, string locale = "en-US") =>
        TestInteractions.Command(Guild, FeatureHarness.HomeChannel, TestInteractions.User(user, $"user{user}"), "stats", locale: locale,
            permissions: permissions | Permissions.ViewChannel | Permissions.SendMessages);

    /// <summary>Waits until the partner messages posted so far have left (the round's question goes through the outbox).</summary>
    public Task DrainAsync() => _h.DrainAsync();

    public ValueTask DisposeAsync() => _h.DisposeAsync();
}
