using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Setup;
using CrossCoaching.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// Writes the rooms benchmark's guild into the bot's database before the bot starts, with the bot's own migrations
/// and repositories: the rooms category, and pairs whose weekly one-minute ritual falls on the same slot.
/// </summary>
public static class RoomSeeder
{
    public const string TimeZone = "UTC";

    public static async Task SeedAsync(string databasePath, Snowflake guild, Snowflake homeChannel, Snowflake category,
        IReadOnlyList<(Snowflake Id, string Name)> members, DateTimeOffset slot)
    {
        DapperTypeHandlers.Register();
        var time = TimeProvider.System;
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { ConnectionString = $"Data Source={databasePath}" }));
        await new MigrationRunner(connections, time, NullLogger<MigrationRunner>.Instance).MigrateAsync();
        await new GuildSettingsRepository(connections, time).SaveAsync(new GuildSettings(guild, CategoryId: category, TimeZone: TimeZone));

        var invitations = new InvitationRepository(connections);
        var pairs = new PairRepository(connections);
        var rituals = new RitualRepository(connections);
        var utc = slot.UtcDateTime;
        var rule = new RitualRule(RitualFrequency.Week, utc.DayOfWeek, TimeOnly.FromDateTime(utc), TimeZone, DateOnly.FromDateTime(utc));
        var now = time.GetUtcNow();
        for (var i = 0; i + 1 < members.Count; i += 2)
        {
            var (a, b) = (members[i], members[i + 1]);
            var invitation = await invitations.CreateAsync(guild, homeChannel, a.Id, a.Name, b.Id, now, now.AddHours(1))
                ?? throw new BenchmarkException($"Could not invite {b.Name} for {a.Name}.");
            var (_, pair) = await pairs.CreateFromInvitationAsync(invitation, a.Name, b.Name, now);
            if (pair is null)
                throw new BenchmarkException($"Could not pair {a.Name} with {b.Name}.");
            await rituals.SaveAsync(new Ritual(pair.Id, rule, DurationMinutes: 1, ReminderMinutes: 0, Paused: false, PausedUntil: null, now, a.Id));
        }

        // Let go of the file before the bot opens it.
        SqliteConnection.ClearAllPools();
    }
}
