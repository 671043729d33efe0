using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Benchmarks;

/// <summary>The pictures benchmark's history: a pair half a year old whose weekly ritual went every way a session can.</summary>
public static class PicturesSeeder
{
    private static readonly (SessionStatus Status, SessionOutcome? Outcome)[] Pattern =
    [
        (SessionStatus.Closed, SessionOutcome.Held), (SessionStatus.Closed, SessionOutcome.Held), (SessionStatus.Closed, SessionOutcome.Partial),
        (SessionStatus.Closed, SessionOutcome.Held), (SessionStatus.Missed, SessionOutcome.Missed), (SessionStatus.Skipped, SessionOutcome.Skipped),
        (SessionStatus.Closed, SessionOutcome.Held), (SessionStatus.Failed, null), (SessionStatus.Closed, SessionOutcome.Held),
    ];

    /// <summary>One ritual session a week (Mondays 10:00 UTC) for <paramref name="weeks"/> weeks up to <paramref name="today"/>.</summary>
    public static IReadOnlyList<Session> History(DateOnly today, int weeks, long pairId = 1, Snowflake? guild = null)
    {
        var lastMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return [.. Enumerable.Range(0, weeks).Select(i =>
        {
            var slot = new DateTimeOffset(lastMonday.AddDays(-7 * (weeks - 1 - i)).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
            var (status, outcome) = Pattern[i % Pattern.Length];
            return new Session(0, pairId, guild ?? new Snowflake(1), SessionKind.Ritual, slot, 15, 5, status, outcome, status == SessionStatus.Skipped,
                null, null, null, slot, status == SessionStatus.Closed ? slot.AddMinutes(20) : null);
        })];
    }

    /// <summary>
    /// The pair, formed 27 weeks ago, its ritual and its last 26 weeks of sessions. Rounds are as long as they may be
    /// (52) so that none is over: the bot starts with no round question to send, hence nothing to draw.
    /// </summary>
    public static async Task SeedAsync(string databasePath, Snowflake guild, Snowflake homeChannel, (Snowflake Id, string Name) a, (Snowflake Id, string Name) b)
    {
        DapperTypeHandlers.Register();
        var time = TimeProvider.System;
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { ConnectionString = $"Data Source={databasePath}" }));
        await new MigrationRunner(connections, time, NullLogger<MigrationRunner>.Instance).MigrateAsync();
        await new GuildSettingsRepository(connections, time).SaveAsync(new GuildConfig(guild, TimeZone: "UTC", RoundLength: 52));

        var now = time.GetUtcNow();
        var formed = now.AddDays(-7 * 27);
        var invitation = await new InvitationRepository(connections).CreateAsync(guild, homeChannel, a.Id, a.Name, b.Id, formed, formed.AddHours(1))
            ?? throw new BenchmarkException("Could not invite the pair.");
        var pair = (await new PairRepository(connections).CreateFromInvitationAsync(invitation, a.Name, b.Name, formed)).Pair
            ?? throw new BenchmarkException("Could not pair them.");
        var rule = new RitualRule(RitualFrequency.Week, DayOfWeek.Monday, new TimeOnly(10, 0), "UTC", DateOnly.FromDateTime(formed.UtcDateTime));
        await new RitualRepository(connections).SaveAsync(new Ritual(pair.Id, rule, DurationMinutes: 15, ReminderMinutes: 0, Paused: false, PausedUntil: null, formed, a.Id));

        var sessions = new SessionRepository(connections);
        foreach (var session in History(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), weeks: 26, pair.Id, guild))
        {
            var created = await sessions.CreateAsync(session with { Status = SessionStatus.Scheduled, Outcome = null, SkipAnnounced = false }, []);
            await sessions.SetStatusAsync(created.Id, session.Status, session.Outcome, closedAt: session.ClosedAt,
                skipAnnounced: session.Status == SessionStatus.Skipped ? true : null);
        }

        SqliteConnection.ClearAllPools();
    }
}
