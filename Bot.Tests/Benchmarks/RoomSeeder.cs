using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.GuildSettings;
using CrossCoaching.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// Writes guilds and pairs with a weekly ritual into the bot's database before the bot starts, with the bot's own
/// migrations and repositories, as <c>/coaching setup</c>, <c>/pair</c> and <c>/ritual set</c> would have.
/// </summary>
public sealed class RoomSeeder
{
    public const string TimeZone = "UTC";

    private static readonly TimeProvider Time = TimeProvider.System;
    private readonly SqliteConnectionFactory _connections;

    private RoomSeeder(SqliteConnectionFactory connections) => _connections = connections;

    /// <summary>The rooms benchmark's guild: the rooms category, and pairs whose one-minute ritual falls on the same slot, without reminder.</summary>
    public static async Task SeedAsync(string databasePath, Snowflake guild, Snowflake homeChannel, Snowflake category,
        IReadOnlyList<(Snowflake Id, string Name)> members, DateTimeOffset slot)
    {
        var seeder = await OpenAsync(databasePath);
        await seeder.AddGuildAsync(guild, category);
        for (var i = 0; i + 1 < members.Count; i += 2)
            await seeder.AddPairAsync(guild, homeChannel, members[i], members[i + 1], slot, durationMinutes: 1, reminderMinutes: 0);
        Release();
    }

    /// <summary>Creates the database (the bot's migrations) at <paramref name="databasePath"/>.</summary>
    public static Task<RoomSeeder> OpenAsync(string databasePath) => OpenConnectionAsync($"Data Source={databasePath}");

    /// <summary>Migrates the database of <paramref name="connectionString"/> (SQLite or PostgreSQL) for seeding.</summary>
    public static async Task<RoomSeeder> OpenConnectionAsync(string connectionString)
    {
        DapperTypeHandlers.Register();
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { ConnectionString = connectionString }));
        await new MigrationRunner(connections, Time, NullLogger<MigrationRunner>.Instance).MigrateAsync();
        return new RoomSeeder(connections);
    }

    /// <summary>A DM channel the bot opened with <paramref name="user"/> before (a reminder of an earlier week, say).</summary>
    public Task AddDmChannelAsync(Snowflake user, Snowflake channel) => new Messaging.DmChannels(_connections, Time).RememberAsync(user, channel);

    public Task AddGuildAsync(Snowflake guild, Snowflake category) =>
        new GuildSettingsRepository(_connections, Time).SaveAsync(new GuildConfig(guild, CategoryId: category, TimeZone: TimeZone));

    /// <summary>A pair (<paramref name="a"/> invited <paramref name="b"/>) whose weekly ritual falls on <paramref name="slot"/>.</summary>
    public async Task AddPairAsync(Snowflake guild, Snowflake homeChannel, (Snowflake Id, string Name) a, (Snowflake Id, string Name) b,
        DateTimeOffset slot, int durationMinutes, int reminderMinutes)
    {
        var now = Time.GetUtcNow();
        var invitation = await new InvitationRepository(_connections).CreateAsync(guild, homeChannel, a.Id, a.Name, b.Id, now, now.AddHours(1))
            ?? throw new BenchmarkException($"Could not invite {b.Name} for {a.Name}.");
        var (_, pair) = await new PairRepository(_connections).CreateFromInvitationAsync(invitation, a.Name, b.Name, now);
        if (pair is null)
            throw new BenchmarkException($"Could not pair {a.Name} with {b.Name}.");
        var utc = slot.UtcDateTime;
        var rule = new RitualRule(RitualFrequency.Week, utc.DayOfWeek, TimeOnly.FromDateTime(utc), TimeZone, DateOnly.FromDateTime(utc));
        await new RitualRepository(_connections).SaveAsync(new Ritual(pair.Id, rule, durationMinutes, reminderMinutes, Paused: false, PausedUntil: null, now, a.Id));
    }

    /// <summary>Lets go of the file before the bot opens it.</summary>
    public static void Release() => SqliteConnection.ClearAllPools();
}
