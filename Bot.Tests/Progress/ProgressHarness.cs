using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using CrossCoaching.Progress;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.Setup;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace CrossCoaching.Tests.Progress;

/// <summary>
/// The bot's real service graph (not started) over a fresh SQLite file, with Discord faked and the features' clock
/// in the test's hands. Direct messages go to channel 1000 + the user's id, so a test can tell who got what.
/// </summary>
internal sealed class ProgressHarness : IAsyncDisposable
{
    public static readonly Snowflake Guild = new(10), Home = new(20), Alice = new(1), Bob = new(2), Stranger = new(3);

    /// <summary>A Monday, 09:00 UTC: the pair forms then, its ritual is on Mondays at 14:00 UTC.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private const ulong DmBase = 1000;
    private readonly TempFolder _folder;
    private readonly IHost _host;
    private long _messageIds = 5000;

    private ProgressHarness(TempFolder folder, IHost host, FakeDiscordApi api, FakeTimeProvider time)
    {
        (_folder, _host, Api, Time) = (folder, host, api, time);
        api.On(nameof(IDiscordApi.CreateDmAsync), args => new Channel(new Snowflake(DmBase + ((Snowflake)args[0]!).Value), ChannelType.Dm, null, null, null, []));
        api.On(nameof(IDiscordApi.CreateMessageAsync), args => new Message(new Snowflake((ulong)Interlocked.Increment(ref _messageIds)), (Snowflake)args[0]!));
        api.On(nameof(IDiscordApi.DeleteChannelAsync), _ => null);
    }

    public FakeDiscordApi Api { get; }

    public FakeTimeProvider Time { get; }

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>The one implementation of <typeparamref name="TService"/> that is a <typeparamref name="T"/>, as registered.</summary>
    public T Find<TService, T>() where TService : notnull => Services.GetServices<TService>().OfType<T>().Single();

    public RoundReconciler Reconciler => Find<IReconcilable, RoundReconciler>();

    public RoundStatusLine StatusLine => Find<IRitualStatusLine, RoundStatusLine>();

    public RoundEnd ClosedHandler => Find<ISessionClosedHandler, RoundEnd>();

    public static async Task<ProgressHarness> CreateAsync()
    {
        var folder = new TempFolder();
        var builder = TestHostBuilder.Create(new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "test-token",
            ["ConnectionStrings:CrossCoaching"] = $"Data Source={folder.File("data", "bot.db")}",
        });
        var api = new FakeDiscordApi();
        var time = new FakeTimeProvider(Start);
        builder.Services.AddSingleton<IDiscordApi>(api);
        builder.Services.AddSingleton<TimeProvider>(time);
        var host = builder.Build();
        await host.Services.GetRequiredService<MigrationRunner>().MigrateAsync();
        return new ProgressHarness(folder, host, api, time);
    }

    public async Task<Pair> PairAsync(Snowflake? a = null, Snowflake? b = null, string nameA = "Alice", string nameB = "Bob")
    {
        var (first, second) = (a ?? Alice, b ?? Bob);
        var now = Time.GetUtcNow();
        var invitation = await Get<InvitationRepository>().CreateAsync(Guild, Home, first, nameA, second, now, now.AddHours(48));
        return (await Get<PairRepository>().CreateFromInvitationAsync(invitation!, nameA, nameB, now)).Pair!;
    }

    /// <summary>Mondays at 14:00 UTC, 15 minutes.</summary>
    public async Task<Ritual> RitualAsync(Pair pair, bool paused = false)
    {
        var rule = new RitualRule(RitualFrequency.Week, DayOfWeek.Monday, new TimeOnly(14, 0), "Etc/UTC", DateOnly.FromDateTime(Start.UtcDateTime));
        var ritual = new Ritual(pair.Id, rule, 15, 10, paused, null, Time.GetUtcNow(), pair.MemberA);
        await Get<RitualRepository>().SaveAsync(ritual);
        return ritual;
    }

    public Task SetGuildAsync(int roundLength = GuildSettings.DefaultRoundLength, CrossCoaching.Localization.Lang? language = null) =>
        Get<GuildSettingsRepository>().SaveAsync(new GuildSettings(Guild, Language: language, RoundLength: roundLength));

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
        return (await Get<SessionRepository>().GetAsync(session.Id))!;
    }

    /// <summary>Messages sent to a user by direct message.</summary>
    public IReadOnlyList<MessageSpec> DmsTo(Snowflake user) =>
        [.. Api.Calls.Where(c => c.Method == nameof(IDiscordApi.CreateMessageAsync) && ((Snowflake)c.Args[0]!).Value == DmBase + user.Value)
            .Select(c => (MessageSpec)c.Args[1]!)];

    /// <summary>Direct messages to a user carrying the round's Continue / Stop buttons.</summary>
    public IReadOnlyList<MessageSpec> QuestionsTo(Snowflake user) =>
        [.. DmsTo(user).Where(m => m.Components?.SelectMany(r => r.Buttons).Any(b => b.CustomId.StartsWith("round:", StringComparison.Ordinal)) == true)];

    public static Interaction Press(Snowflake user, string customId, string locale = "en-US") => new(
        new Snowflake(700), new Snowflake(600), InteractionType.MessageComponent, "press-token", null, new Snowflake(DmBase + user.Value),
        new DiscordUser(user, $"user{user}", null, false), null, Permissions.None, Permissions.None, locale, null, CustomId: customId);

    public static Interaction Command(Snowflake user, Permissions permissions = Permissions.None, string locale = "en-US") => new(
        new Snowflake(701), new Snowflake(600), InteractionType.ApplicationCommand, "command-token", Guild, Home,
        new DiscordUser(user, $"user{user}", null, false), new GuildMember(new DiscordUser(user, $"user{user}", null, false), null, []),
        permissions, Permissions.None, locale, "en-US", CommandName: "stats");

    /// <summary>The text of the interaction's answer (a reply or a message update).</summary>
    public string? LastAnswer() => Api.Callbacks.LastOrDefault()?.Message?.Content;

    public async ValueTask DisposeAsync()
    {
        foreach (var scheduler in await Get<ISchedulerFactory>().GetAllSchedulers())
            await scheduler.Shutdown();
        _host.Dispose();
        _folder.Dispose();
    }
}
