using System.Globalization;
using CrossCoaching.Discord;
using CrossCoaching.GuildSettings;
using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using CrossCoaching.Pool;
using CrossCoaching.Rituals;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using CrossCoaching.Tests.Pool;
using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static CrossCoaching.Tests.Fakes.FeatureHarness;
using static CrossCoaching.Tests.Fakes.TestInteractions;
using static CrossCoaching.Tests.Pool.PoolWorld;

namespace CrossCoaching.Tests.Storage;

/// <summary>
/// <c>copy-database</c>: a SQLite database the bot filled, every table holding rows, copied into an empty PostgreSQL
/// database on the tests' server, where the bot's own repositories read the same data and write new rows.
/// </summary>
public sealed class DatabaseCopyTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<string> _targets = [];

    private string Sqlite => $"Data Source={_folder.File("bot.db")}";

    [Fact]
    public async Task The_command_copies_every_table_row_for_row_and_the_bot_on_postgresql_reads_it_and_writes_new_rows_after_it()
    {
        var seeded = await SeedAsync();
        var target = NewTarget();
        var (output, errors) = (new StringWriter(), new StringWriter());

        var exit = await CopyDatabaseCommand.RunAsync(new ConfigurationBuilder().Build(), ["--from", Sqlite, "--to", target], output, errors);

        Assert.True(exit == 0, errors.ToString());
        Assert.Contains("Row counts checked, id sequences reset", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Quartz's tables were not copied", output.ToString(), StringComparison.Ordinal);
        await using (var source = Factory(Sqlite))
        await using (var copy = Factory(target))
        {
            await using var s = await source.OpenAsync();
            await using var t = await copy.OpenAsync();
            var tables = await DatabaseCatalog.SqliteTablesAsync(s, null!);
            Assert.Equal(30, tables.Count);
            foreach (var table in tables)
            {
                var rows = await RowsAsync(s, table);
                Assert.True(rows.Count > 0, $"{table} was not seeded");
                Assert.Equal(rows, await RowsAsync(t, table));
            }
        }

        await using var bot = await PoolWorld.StartAsync(new() { ["ConnectionStrings:CrossCoaching"] = target });
        var pair = await bot.H.Get<PairRepository>().FindCurrentAsync(Guild, Alice);
        Assert.Equal(seeded.Pair, pair);
        Assert.Equal(seeded.Ritual, await bot.H.Get<RitualRepository>().GetAsync(pair!.Id));
        Assert.Equal(seeded.Session, Assert.Single(await bot.H.Get<SessionRepository>().ListUnfinishedForPairAsync(pair.Id)));
        Assert.Equal(Comparable(seeded.Waiting), Comparable((await bot.H.Get<PoolEntryRepository>().GetAsync(Guild, Bob))!));

        // New rows take ids after the copied ones (the identity sequences were reset).
        var dave = User(new Snowflake(14), "Dave");
        await bot.JoinAsync(dave);
        var proposal = (await bot.PendingAsync(dave))!;
        Assert.True(proposal.Id > seeded.LastProposal);
        await bot.AnswerAsync(BobUser, proposal, accept: true);
        await bot.AnswerAsync(dave, proposal, accept: true);
        var second = await bot.H.Get<PairRepository>().FindCurrentAsync(Guild, Bob);
        Assert.True(second!.Id > pair.Id);
        Assert.True(Assert.Single(await bot.H.Get<SessionRepository>().ListUnfinishedForPairAsync(second.Id)).Id > seeded.Session.Id);
    }

    [Fact]
    public async Task A_target_that_is_not_empty_or_at_another_version_is_refused_in_one_paragraph_and_left_as_it_was()
    {
        await SeedAsync();
        var target = NewTarget();
        await using (var source = Factory(Sqlite))
        await using (var copy = Factory(target))
            await new DatabaseCopy(source, copy, TimeProvider.System).RunAsync();

        var (output, errors) = (new StringWriter(), new StringWriter());
        Assert.Equal(1, await CopyDatabaseCommand.RunAsync(new ConfigurationBuilder().Build(), ["--from", Sqlite, "--to", target], output, errors));
        Assert.Contains("is not empty (table", errors.ToString(), StringComparison.Ordinal);
        Assert.Single(errors.ToString().Trim().Split('\n'));

        var older = NewTarget();
        await using (var copy = Factory(older))
            await new MigrationRunner(copy, TimeProvider.System, NullLogger<MigrationRunner>.Instance) { Migrations = [.. Migration.Postgres.Take(5)] }.MigrateAsync();
        errors = new StringWriter();
        Assert.Equal(1, await CopyDatabaseCommand.RunAsync(new ConfigurationBuilder().Build(), ["--from", Sqlite, "--to", older], output, errors));
        Assert.Contains("is at schema version 5 and the SQLite database at", errors.ToString(), StringComparison.Ordinal);
        await using (var copy = Factory(older))
        await using (var connection = await copy.OpenAsync())
            Assert.Equal(5, await connection.ExecuteScalarAsync<int>("SELECT max(version) FROM schema_migrations"));
    }

    [Fact]
    public async Task The_copy_refuses_to_run_while_the_bot_holds_the_sqlite_database()
    {
        await SeedAsync();
        await using var source = Factory(Sqlite);
        using var running = new InstanceLock(source);
        await running.RunAsync();
        var (output, errors) = (new StringWriter(), new StringWriter());

        Assert.Equal(1, await CopyDatabaseCommand.RunAsync(new ConfigurationBuilder().Build(), ["--from", Sqlite, "--to", NewTarget()], output, errors));

        Assert.Contains("Another CrossCoaching process is already running", errors.ToString(), StringComparison.Ordinal);
    }

    private sealed record Seeded(Pair Pair, Ritual Ritual, Session Session, PoolEntry Waiting, long LastProposal);

    /// <summary>
    /// The bot on SQLite, used as members would (the pool, a declined and an accepted proposal, a pair with its ritual,
    /// session and messages, a block, a pending invitation, the guild's settings); the tables no flow reached this
    /// quickly get one row each, written as their repositories write them.
    /// </summary>
    private async Task<Seeded> SeedAsync()
    {
        await using var w = await PoolWorld.StartAsync(new() { ["ConnectionStrings:CrossCoaching"] = Sqlite });
        await w.H.Get<GuildSettingsRepository>().SaveAsync(new GuildConfig(Guild, PoolCadenceHours: 48));
        await w.JoinAsync(AliceUser);
        await w.JoinAsync(BobUser);
        await w.AnswerAsync(BobUser, (await w.PendingAsync(AliceUser))!, accept: false);
        await w.JoinAsync(CarolUser);
        var proposal = (await w.PendingAsync(CarolUser))!;
        await w.AnswerAsync(AliceUser, proposal, accept: true);
        await w.AnswerAsync(CarolUser, proposal, accept: true);
        await w.BlockAsync(BobUser, CarolUser);
        await w.H.Get<PoolRunRepository>().TryClaimAsync(Guild, Monday, TimeSpan.FromHours(48));
        await w.H.Get<InvitationRepository>().CreateAsync(Guild, HomeChannel, Bob, "Bob", new Snowflake(15), Monday, Monday.AddHours(24));
        await w.DmsAsync(AliceUser);

        var pair = (await w.H.Get<PairRepository>().FindCurrentAsync(Guild, Alice))!;
        var session = Assert.Single(await w.H.Get<SessionRepository>().ListUnfinishedForPairAsync(pair.Id));
        await using (var connection = await w.H.Get<SqliteConnectionFactory>().OpenAsync())
        {
            var at = Monday;
            var ids = new { pair = pair.Id, session = session.Id, guild = Guild, user = Alice, at };
            foreach (var sql in new[]
            {
                "INSERT INTO session_notices (session_id, user_id, kind, channel_id, message_id, sent_at) VALUES (@session, @user, 'reminder', 1, 2, @at)",
                "INSERT INTO attendance (session_id, user_id, joined_at, left_at) VALUES (@session, @user, @at, NULL)",
                "INSERT INTO takeaways (session_id, pair_id, author_id, author_name, text, visibility, created_at, updated_at) VALUES (@session, @pair, @user, 'Alice', 'It''s «fine» 🙂', 'public', @at, @at)",
                "INSERT INTO trail_posts (session_id, channel_id, message_id, posted_at) VALUES (@session, 3, 4, @at)",
                "INSERT INTO round_answers (pair_id, round_number, user_id, answer, answered_at) VALUES (@pair, 1, @user, 'continue', @at)",
                "INSERT INTO command_registrations (scope, hash, registered_at) VALUES ('global:1', 'abc', @at)",
                "INSERT INTO overflow_categories (category_id, guild_id, created_at) VALUES (9007199254740993, @guild, @at)",
                "INSERT INTO guild_removals (guild_id, removed_at) VALUES (6000, @at)",
                "INSERT INTO unsafe_rooms (room_id, guild_id, session_id, noted_at) VALUES (5, @guild, @session, @at)",
                "INSERT INTO trail_refreshes_owed (session_id, owed_at) VALUES (@session, @at)",
                "INSERT INTO session_checkins (session_id, user_id, talked, answered_at) VALUES (@session, @user, 1, @at)",
                "INSERT INTO quiet_rounds (pair_id, since_round, chosen_at) VALUES (@pair, 1, @at)",
                "INSERT INTO move_proposals (pair_id, session_id, original_slot, proposed_slot, proposed_by, status, created_at) VALUES (@pair, @session, @at, @at, @user, 'declined', @at)",
                "INSERT INTO session_moves (session_id, original_slot, moved_at, armed) VALUES (@session, @at, @at, 1)",
                "INSERT INTO guild_welcomes (guild_id, welcomed_at) VALUES (@guild, @at)",
                "INSERT INTO room_deletions (channel_id, instance_id, started_at) VALUES (7, 'old-host-1-ab', @at) ON CONFLICT DO NOTHING",
                "INSERT INTO dm_channels (user_id, channel_id, opened_at) VALUES (@user, 8, @at) ON CONFLICT DO NOTHING",
            })
                await connection.ExecuteAsync(sql, ids);
        }

        var waiting = (await w.H.Get<PoolEntryRepository>().GetAsync(Guild, Bob))!;
        return new Seeded(pair, (await w.H.Get<RitualRepository>().GetAsync(pair.Id))!, session, waiting, proposal.Id);
    }

    /// <summary>The entry with its windows as text (a list compares by reference).</summary>
    private static PoolEntry Comparable(PoolEntry entry) => entry with { Windows = [] , DisplayName = entry.DisplayName + "|" + PoolWindowText.Format(entry.Windows) };

    private string NewTarget()
    {
        _targets.Add(PostgresServer.Instance.CreateDatabase());
        return _targets[^1];
    }

    private static SqliteConnectionFactory Factory(string connectionString) =>
        new(Options.Create(new StorageOptions { ConnectionString = connectionString }));

    /// <summary>Every row as text, in an order that does not depend on either engine's collation.</summary>
    private static async Task<List<string>> RowsAsync(System.Data.Common.DbConnection connection, string table)
    {
        var rows = new List<string>();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table}";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = Enumerable.Range(0, reader.FieldCount).OrderBy(reader.GetName, StringComparer.Ordinal)
                .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))}");
            rows.Add(string.Join("|", row));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    public void Dispose()
    {
        foreach (var target in _targets)
            PostgresServer.Instance.Drop(target);
        _folder.Dispose();
    }
}
