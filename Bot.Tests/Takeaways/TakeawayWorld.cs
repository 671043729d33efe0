using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Guilds;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Pool;
using CrossCoaching.Privacy;
using CrossCoaching.Rituals;
using CrossCoaching.Sessions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Storage;
using CrossCoaching.Takeaways;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace CrossCoaching.Tests.Takeaways;

/// <summary>
/// The real takeaways, privacy, pairs and sessions services on a real SQLite file, with Discord faked (DMs and channel
/// messages succeed and are recorded), a fake clock, and Quartz in memory. Interactions go through the real router,
/// so refusals arrive as Discord would show them.
/// </summary>
public sealed class TakeawayWorld : IDisposable
{
    public static readonly Snowflake Guild = new(10), HomeChannel = new(20), TrailChannel = new(30);
    public static readonly Snowflake Alice = new(1001), Bob = new(1002), Carol = new(1003), Dave = new(1004);
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _db;
    private readonly IHost _host;
    private long _nextId = 70_000;

    private TakeawayWorld(TestDatabase db, Dictionary<string, string?> settings)
    {
        _db = db;
        settings["ConnectionStrings:CrossCoaching"] = db.ConnectionString;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddStorage();
        builder.AddMessaging();
        builder.AddGuildSettings();
        builder.AddPairs();
        builder.AddPool();
        builder.AddRituals();
        builder.AddSessions();
        builder.AddGuilds();
        builder.AddTakeaways();
        builder.AddPrivacy();
        builder.Services.AddSingleton<IDiscordApi>(Api);
        builder.Services.AddSingleton<TimeProvider>(Clock);
        builder.Services.AddSingleton<IGuildCache>(new FakeGuildCache { CurrentUser = null, ApplicationId = null }); // knows no server
        builder.Services.AddSingleton<ISchedulerFactory, InMemorySchedulers>();
        _host = builder.Build();
        Router = new InteractionRouter(
            Services.GetServices<ISlashCommand>().Where(c => c is TakeawayCommand or TrailCommand or MeCommand),
            Services.GetServices<IComponentHandler>().Where(c => c is TakeawayButtons or TrailButtons or ForgetButtons),
            Api, new FakeTimeProvider(Start), NullLogger<InteractionRouter>.Instance);

        Api.OnCreateDm(user => new Channel(DmOf(user), ChannelType.Dm, null, null, null, []))
            .OnCreateMessage((channel, _) => new Message(new Snowflake((ulong)Interlocked.Increment(ref _nextId)), channel))
            .OnEditMessage((channel, message, _) => new Message(message, channel))
            .OnGetGuildMember((_, user) => FakeDiscordWorld.Member(user));
    }

    public FakeDiscordApi Api { get; } = new();

    public FakeTimeProvider Clock { get; } = new(Start);

    private bool _outboxStarted;

    public IServiceProvider Services => _host.Services;

    public InteractionRouter Router { get; }

    public SqliteConnectionFactory Connections => _db.Connections;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<TakeawayWorld> CreateAsync(bool trail = true, int? maxLength = null)
    {
        var settings = new Dictionary<string, string?>();
        if (maxLength is { } max)
            settings["Takeaways:MaxLength"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var world = new TakeawayWorld(await TestDatabase.MigratedAsync(), settings);
        if (trail)
            await world.Get<GuildSettingsRepository>().SaveAsync(new GuildConfig(Guild, TrailChannelId: TrailChannel));
        return world;
    }

    /// <summary>The DM channel the fake opens with a user: its id says whose it is.</summary>
    public static Snowflake DmOf(Snowflake user) => new(500_000 + user.Value);

    public static string NameOf(Snowflake user) => user == Alice ? "Alice" : user == Bob ? "Bob" : user == Carol ? "Carol" : "Dave";

    public async Task<Pair> PairAsync(Snowflake a, Snowflake b)
    {
        var invitation = await Get<InvitationRepository>().CreateAsync(Guild, HomeChannel, a, NameOf(a), b, Clock.GetUtcNow(), Clock.GetUtcNow().AddDays(2));
        return (await Get<PairRepository>().CreateFromInvitationAsync(invitation!, NameOf(a), NameOf(b), Clock.GetUtcNow())).Pair!;
    }

    /// <summary>A session of the pair at <paramref name="slot"/>; a past one is closed as held 20 minutes after its slot.</summary>
    public async Task<Session> SessionAsync(Pair pair, DateTimeOffset slot, SessionStatus status = SessionStatus.Closed)
    {
        var sessions = Get<SessionRepository>();
        var session = await sessions.CreateAsync(
            new Session(0, pair.Id, pair.GuildId, SessionKind.Ritual, slot, 15, 5, SessionStatus.Scheduled, null, false, null, null, null, slot.AddDays(-1), null),
            [(SessionStep.Open, slot), (SessionStep.Close, slot.AddMinutes(20))]);
        if (status != SessionStatus.Scheduled)
            await sessions.SetStatusAsync(session.Id, status, status == SessionStatus.Closed ? SessionOutcome.Held : null,
                closedAt: status == SessionStatus.Open ? null : slot.AddMinutes(20));
        return (await sessions.GetAsync(session.Id))!;
    }

    // ---- interactions ----

    /// <summary>Handles the interaction, then waits until the messages it owes have left through the outbox.</summary>
    public async Task RunAsync(Interaction interaction)
    {
        await Router.RouteAsync(interaction, Clock.GetUtcNow());
        await DrainAsync();
    }

    /// <summary>Sends what the outbox holds (its worker runs from the first call on) and waits until nothing is due.</summary>
    public async Task DrainAsync()
    {
        if (!_outboxStarted)
        {
            await Get<OutboxWorker>().StartAsync(CancellationToken.None);
            _outboxStarted = true;
        }
        await Get<OutboxWorker>().WhenIdleAsync();
    }

    public Interaction Command(Snowflake user, string name, string? subcommand = null, bool inGuild = true, string locale = "en-US",
        params InteractionOption[] options) =>
        Base(user, InteractionType.ApplicationCommand, inGuild, locale) with { CommandName = name, Subcommand = subcommand, Options = options };

    public Interaction Takeaway(Snowflake user, string? text = null, string? visibility = null, string locale = "en-US")
    {
        var options = new List<InteractionOption>();
        if (text is not null)
            options.Add(new InteractionOption("text", CommandOptionType.String, String: text));
        if (visibility is not null)
            options.Add(new InteractionOption("visibility", CommandOptionType.String, String: visibility));
        return Command(user, "takeaway", locale: locale, options: [.. options]);
    }

    public Interaction Button(Snowflake user, string customId, bool inGuild = true) =>
        Base(user, InteractionType.MessageComponent, inGuild) with { CustomId = customId };

    public Interaction Modal(Snowflake user, string customId, string text, bool inGuild = false) =>
        Base(user, InteractionType.ModalSubmit, inGuild) with { CustomId = customId, ModalFields = new Dictionary<string, string> { [TakeawayModal.TextField] = text } };

    private Interaction Base(Snowflake user, InteractionType type, bool inGuild, string locale = "en-US")
    {
        var discordUser = new DiscordUser(user, NameOf(user).ToLowerInvariant(), NameOf(user), false);
        var id = new Snowflake((ulong)Interlocked.Increment(ref _nextId));
        return new Interaction(id, new Snowflake(2), type, $"token-{id}", inGuild ? Guild : null, inGuild ? HomeChannel : DmOf(user), discordUser,
            inGuild ? new GuildMember(discordUser, null, []) : null, Permissions.None, Permissions.None, locale, "en-US");
    }

    // ---- what Discord saw ----

    /// <summary>The last answer to an interaction: its callback, or the edit that filled it.</summary>
    public InteractionCallback LastCallback => Api.Callbacks.Last();

    public string LastReply => LastCallback.Message?.Content ?? "";

    public IReadOnlyList<MessageSpec> TrailPosts => Api.MessagesIn(TrailChannel);

    public IReadOnlyList<MessageSpec> TrailEdits => [.. Api.MessagesEdited.Select(e => e.Edit)];

    public IReadOnlyList<MessageSpec> DmsTo(Snowflake user) => Api.MessagesIn(DmOf(user));

    public static string Everything(MessageSpec message) =>
        string.Join("\n", [message.Content ?? "", .. (message.Embeds ?? []).Select(e => $"{e.Title}\n{e.Description}")]);

    public async Task ReconcileAsync()
    {
        await Services.GetServices<CrossCoaching.Hosting.IReconcilable>().OfType<TakeawayRevealer>().Single().ReconcileAsync();
        await DrainAsync();
    }

    public void Dispose()
    {
        if (_outboxStarted)
            Get<OutboxWorker>().StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _host.Dispose();
        _db.Dispose();
    }

    /// <summary>Quartz in memory, never started: ending a session only disarms its triggers.</summary>
    private sealed class InMemorySchedulers : ISchedulerFactory
    {
        private readonly Lazy<Task<IScheduler>> _scheduler = new(async () =>
            await QuartzSchedulerBuilder.Create(q => q.UseInMemoryStore()).BuildScheduler());

        public async ValueTask<List<IScheduler>> GetAllSchedulers(CancellationToken cancellationToken = default) => [await _scheduler.Value];

        public async ValueTask<IScheduler> GetScheduler(CancellationToken cancellationToken = default) => await _scheduler.Value;

        public async ValueTask<IScheduler?> LookupScheduler(string schedName, CancellationToken cancellationToken = default) => await _scheduler.Value;
    }
}
