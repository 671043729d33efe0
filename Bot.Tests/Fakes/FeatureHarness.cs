using CrossCoaching.Messaging;
using CrossCoaching.Discord;
using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.Fakes;

/// <summary>
/// The real service graph of the bot (not started: no gateway, the scheduler never fires), with Discord faked, a
/// guild cache filled by hand and a clock moved by hand. Tests run session steps and commands directly, or send
/// interactions through the real router (<c>FeatureHarness.Interactions.cs</c>) so refusals arrive as Discord shows them.
/// </summary>
public sealed partial class FeatureHarness : IAsyncDisposable
{
    public static readonly Snowflake Guild = new(5000), HomeChannel = new(5001), Alice = new(11), Bob = new(12);

    /// <summary>Monday 2 November 2026, 12:00 UTC = 13:00 in Paris (CET): the day most feature tests start on.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 11, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Every Monday at 14:00 in Paris, from that Monday: the ritual most feature tests set.</summary>
    public static readonly RitualRule MondayAt14 = new(RitualFrequency.Week, DayOfWeek.Monday, new TimeOnly(14, 0), "Europe/Paris", new DateOnly(2026, 11, 2));

    private readonly TempFolder _folder;
    private readonly IHost _host;
    private string? _postgres;

    private FeatureHarness(IHost host, TempFolder folder, FakeDiscordApi api, FakeGuildCache cache, FakeTimeProvider time, CapturingLoggerProvider logs) =>
        (_host, _folder, Api, Cache, Time, Logs) = (host, folder, api, cache, time, logs);

    public FakeDiscordApi Api { get; }

    public FakeGuildCache Cache { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>What the bot logged, as an operator would read it.</summary>
    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _host.Services;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Waits until every partner message posted so far has been sent.</summary>
    public Task DrainAsync() => Get<OutboxWorker>().WhenIdleAsync();

    /// <summary>Runs one step of a session as its trigger would: the clock moved to its due time (never back), then the outbox drained.</summary>
    public async Task RunStepAtDueAsync(Session session, SessionStep step)
    {
        var due = (await Get<SessionRepository>().GetStepsAsync(session.Id)).Single(x => x.Step == step).DueAt;
        if (Time.GetUtcNow() < due)
            Time.SetUtcNow(due);
        await Get<SessionRunner>().RunAsync(session.Id, step);
        await DrainAsync();
    }

    public static async Task<FeatureHarness> StartAsync(DateTimeOffset now, Dictionary<string, string?>? settings = null)
    {
        var folder = new TempFolder();
        settings ??= [];
        settings.TryAdd("DISCORD_TOKEN", "test-token");
        // On PostgreSQL (Bot.Tests.Postgres) a migrated database of its own, dropped at the end.
        var postgres = settings.ContainsKey("ConnectionStrings:CrossCoaching") ? null : TestDatabase.PostgresForHost();
        settings.TryAdd("ConnectionStrings:CrossCoaching", postgres ?? $"Data Source={folder.File("bot.db")}");
        var builder = TestHostBuilder.Create(settings);
        var (api, cache, time, logs) = (new FakeDiscordApi(), new FakeGuildCache(), new FakeTimeProvider(now), new CapturingLoggerProvider());
        builder.Logging.AddProvider(logs);
        builder.Services.RemoveAll<IDiscordApi>().AddSingleton<IDiscordApi>(api);
        builder.Services.RemoveAll<IGuildCache>().AddSingleton<IGuildCache>(cache);
        builder.Services.RemoveAll<TimeProvider>().AddSingleton<TimeProvider>(time);
        var host = builder.Build();
        Assert.Null(await BotRunner.PrepareAsync(host));
        // Partner messages leave through the outbox's background senders; the rest of the host stays stopped.
        await host.Services.GetRequiredService<OutboxWorker>().StartAsync(CancellationToken.None);
        return new FeatureHarness(host, folder, api.AcceptingEverything(), cache, time, logs) { _postgres = postgres };
    }

    /// <summary>
    /// The world most session tests start from: <see cref="Monday"/>, the guild granting what rooms need, and Alice and
    /// Bob paired with the <see cref="MondayAt14"/> ritual.
    /// </summary>
    public static async Task<(FeatureHarness Harness, Pair Pair)> StartWithRitualAsync()
    {
        var harness = await StartAsync(Monday);
        harness.Cache.AddGuild(Guild, RoomPermissions.Wanted | Permissions.EmbedLinks);
        var pair = await harness.PairAsync();
        await harness.RitualAsync(pair, MondayAt14);
        return (harness, pair);
    }

    /// <summary>Alice and Bob, paired in <see cref="Guild"/>, formed from an invitation in <see cref="HomeChannel"/>.</summary>
    public async Task<Pair> PairAsync(Snowflake? a = null, Snowflake? b = null)
    {
        var now = Time.GetUtcNow();
        var invitation = await Get<InvitationRepository>().CreateAsync(Guild, HomeChannel, a ?? Alice, "Alice", b ?? Bob, now, now.AddHours(1));
        return (await Get<PairRepository>().CreateFromInvitationAsync(invitation!, "Alice", "Bob", now)).Pair!;
    }

    public async Task<Ritual> RitualAsync(Pair pair, RitualRule rule, int duration = 15, int reminder = 10)
    {
        var ritual = new Ritual(pair.Id, rule, duration, reminder, false, null, Time.GetUtcNow(), pair.MemberA);
        await Get<RitualRepository>().SaveAsync(ritual);
        return ritual;
    }

    public async ValueTask DisposeAsync()
    {
        await Get<OutboxWorker>().StopAsync(CancellationToken.None);
        _host.Dispose();
        await Task.Yield();
        _folder.Dispose();
        if (_postgres is not null)
            PostgresServer.Instance.Drop(_postgres);
    }
}
