using System.Diagnostics;
using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// Fills a database with a large community as a bot that has run for a while holds it: servers with their settings,
/// active pairs with a weekly ritual (day and quarter hour spread over the week), and each pair's next session with
/// its steps. Written with plain inserts in one transaction (the repositories would take minutes for 100,000 pairs);
/// the schema comes from the bot's own migrations.
/// </summary>
public static class RitualSeeder
{
    /// <summary>Pairs formed by <paramref name="homeMembers"/> (two by two) go to <paramref name="homeGuild"/>, the servers the emulator knows.</summary>
    public sealed record Home(Snowflake Guild, Snowflake Channel, IReadOnlyList<Snowflake> Members);

    /// <summary>No slot falls sooner than this after seeding, so nothing is due while the benchmark starts the bot.</summary>
    public static readonly TimeSpan FirstSlotAfter = TimeSpan.FromMinutes(30);

    /// <param name="now">The seeding's "now" (the real clock for a benchmark, a test's fake one otherwise).</param>
    /// <param name="guildIds">The servers' ids, when they must be ones the emulator knows (a server missing from READY is one the bot was removed from).</param>
    public static async Task<TimeSpan> SeedAsync(string databasePath, int rituals, int guilds, DateTimeOffset now, Home? home = null,
        IReadOnlyList<Snowflake>? guildIds = null, int seed = 11)
    {
        var clock = Stopwatch.StartNew();
        DapperTypeHandlers.Register();
        var factory = new SqliteConnectionFactory(Options.Create(new StorageOptions { ConnectionString = $"Data Source={databasePath}" }));
        await new MigrationRunner(factory, TimeProvider.System, NullLogger<MigrationRunner>.Instance).MigrateAsync();
        var random = new Random(seed);
        await using var connection = new SqliteConnection($"Data Source={databasePath}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        var guildRows = Command(connection, transaction, "INSERT INTO guild_settings (guild_id, time_zone, updated_at) VALUES ($g, 'UTC', $now) ON CONFLICT (guild_id) DO NOTHING", "$g", "$now");
        var pairRows = Command(connection, transaction,
            """
            INSERT INTO pairs (guild_id, member_a_id, member_b_id, status, round_started_at, created_at, home_channel_id, name_a, name_b)
            VALUES ($g, $a, $b, 'active', $now, $now, $home, 'A', 'B') RETURNING id
            """, "$g", "$a", "$b", "$now", "$home");
        var memberRows = Command(connection, transaction, "INSERT INTO pair_members (guild_id, user_id, pair_id, display_name) VALUES ($g, $u, $p, 'member')", "$g", "$u", "$p");
        var ritualRows = Command(connection, transaction,
            """
            INSERT INTO rituals (pair_id, frequency, day_of_week, local_time, time_zone, duration_minutes, reminder_minutes, anchor_date, updated_at, updated_by)
            VALUES ($p, 'week', $day, $time, 'UTC', 15, 10, $anchor, $now, $a)
            """, "$p", "$day", "$time", "$anchor", "$now", "$a");
        var sessionRows = Command(connection, transaction,
            "INSERT INTO sessions (pair_id, guild_id, kind, slot_at, duration_minutes, grace_minutes, created_at) VALUES ($p, $g, 'ritual', $slot, 15, 5, $now) RETURNING id",
            "$p", "$g", "$slot", "$now");
        var stepRows = Command(connection, transaction, "INSERT INTO session_steps (session_id, step, due_at) VALUES ($s, $step, $due)", "$s", "$step", "$due");

        var homePairs = home is null ? 0 : home.Members.Count / 2;
        var userId = 500_000_000_000_000_000L;
        for (var i = 0; i < rituals; i++)
        {
            var homePair = i < homePairs;
            var guild = homePair ? (long)home!.Guild.Value : guildIds is null ? 900_000_000_000_000_000L + (i % guilds) : (long)guildIds[i % guildIds.Count].Value;
            var (a, b) = homePair ? ((long)home!.Members[2 * i].Value, (long)home.Members[(2 * i) + 1].Value) : (++userId, ++userId);
            Run(guildRows, guild, Instant(now));
            var pair = (long)Scalar(pairRows, guild, a, b, Instant(now), homePair ? (long)home!.Channel.Value : DBNull.Value);
            Run(memberRows, guild, a, pair);
            Run(memberRows, guild, b, pair);
            // A slot on a quarter hour somewhere in the coming week, never in the first half hour.
            var slot = now.Add(FirstSlotAfter).AddMinutes(random.Next(0, 7 * 24 * 4) * 15);
            slot = new DateTimeOffset(slot.Year, slot.Month, slot.Day, slot.Hour, slot.Minute / 15 * 15, 0, TimeSpan.Zero);
            if (slot < now.Add(FirstSlotAfter))
                slot = slot.AddDays(7);
            Run(ritualRows, pair, (int)slot.DayOfWeek, slot.ToString("HH:mm:ss", null), slot.ToString("yyyy-MM-dd", null), Instant(now), a);
            var session = (long)Scalar(sessionRows, pair, guild, Instant(slot), Instant(now));
            foreach (var (step, due) in new[] { ("remind", slot.AddMinutes(-10)), ("prepare", slot.AddSeconds(-62)), ("open", slot), ("warn", slot.AddMinutes(15)), ("close", slot.AddMinutes(20)) })
                Run(stepRows, session, step, Instant(due));
        }

        await transaction.CommitAsync();
        SqliteConnection.ClearAllPools(); // lets go of the file before the bot opens it
        return clock.Elapsed;
    }

    private static string Instant(DateTimeOffset value) => DapperTypeHandlers.FormatInstant(value);

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        command.Prepare();
        return command;
    }

    private static void Run(SqliteCommand command, params object[] values)
    {
        Bind(command, values);
        command.ExecuteNonQuery();
    }

    private static object Scalar(SqliteCommand command, params object[] values)
    {
        Bind(command, values);
        return command.ExecuteScalar()!;
    }

    private static void Bind(SqliteCommand command, object[] values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i];
    }
}
