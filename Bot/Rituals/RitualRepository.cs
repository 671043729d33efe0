using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Rituals;

public sealed class RitualRepository(SqliteConnectionFactory connections)
{
    private const string Columns =
        """
        pair_id AS PairId, frequency AS Frequency, day_of_week AS DayOfWeek, local_time AS LocalTime, time_zone AS TimeZone,
        duration_minutes AS DurationMinutes, reminder_minutes AS ReminderMinutes, anchor_date AS AnchorDate, paused AS Paused,
        paused_until AS PausedUntil, updated_at AS UpdatedAt, updated_by AS UpdatedBy, place AS Place
        """;

    public async Task<Ritual?> GetAsync(long pairId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return Map(await connection.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM rituals WHERE pair_id = @pairId", new { pairId }));
    }

    /// <summary>Rituals paused until a date that has come, in their own zone's calendar (checked by the caller).</summary>
    public async Task<IReadOnlyList<Ritual>> ListPausedWithDateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>($"SELECT {Columns} FROM rituals WHERE paused = 1 AND paused_until IS NOT NULL")).Select(r => Map(r)!)];
    }

    public async Task SaveAsync(Ritual ritual, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await SaveAsync(connection, null, ritual);
    }

#pragma warning disable CA1822 // Like the other repositories: callers reach the repository, not its SQL.
    /// <summary>In the caller's transaction (a pair formed with its ritual already set commits both or neither).</summary>
    public Task SaveAsync(DbWork work, Ritual ritual)
    {
        ArgumentNullException.ThrowIfNull(work);
        return SaveAsync(work.Connection, work.Transaction, ritual);
    }

#pragma warning restore CA1822

    private static Task<int> SaveAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, Ritual ritual) =>
        connection.ExecuteAsync(
            """
            INSERT INTO rituals (pair_id, frequency, day_of_week, local_time, time_zone, duration_minutes, reminder_minutes, anchor_date,
                                 paused, paused_until, updated_at, updated_by, place)
            VALUES (@PairId, @Frequency, @Day, @LocalTime, @TimeZone, @DurationMinutes, @ReminderMinutes, @AnchorDate, @Paused, @PausedUntil, @UpdatedAt, @UpdatedBy,
                    @Place)
            ON CONFLICT (pair_id) DO UPDATE SET
                frequency = excluded.frequency, day_of_week = excluded.day_of_week, local_time = excluded.local_time,
                time_zone = excluded.time_zone, duration_minutes = excluded.duration_minutes, reminder_minutes = excluded.reminder_minutes,
                anchor_date = excluded.anchor_date, paused = excluded.paused, paused_until = excluded.paused_until,
                updated_at = excluded.updated_at, updated_by = excluded.updated_by, place = excluded.place
            """,
            new
            {
                ritual.PairId, Frequency = ritual.Rule.Frequency.Code(), Day = (int)ritual.Rule.Day, ritual.Rule.LocalTime,
                TimeZone = ritual.Rule.TimeZoneId, ritual.DurationMinutes, ritual.ReminderMinutes, ritual.Rule.AnchorDate,
                Paused = ritual.Paused ? 1 : 0, ritual.PausedUntil, ritual.UpdatedAt, ritual.UpdatedBy, Place = Sessions.TalkPlaces.Code(ritual.Place),
            }, transaction);

    private static Ritual? Map(Row? r)
    {
        if (r is null)
            return null;
        if (!RitualFrequencyCodes.TryParse(r.Frequency, out var frequency))
            throw new InvalidOperationException($"Ritual {r.PairId} has the unknown frequency '{r.Frequency}'.");
        var rule = new RitualRule(frequency, (DayOfWeek)r.DayOfWeek, r.LocalTime, r.TimeZone, r.AnchorDate);
        return new Ritual(r.PairId, rule, (int)r.DurationMinutes, (int)r.ReminderMinutes, r.Paused != 0, r.PausedUntil, r.UpdatedAt, r.UpdatedBy)
        {
            Place = Sessions.TalkPlaces.Parse(r.Place),
        };
    }

    private sealed record Row(
        long PairId, string Frequency, long DayOfWeek, TimeOnly LocalTime, string TimeZone, long DurationMinutes, long ReminderMinutes,
        DateOnly AnchorDate, long Paused, DateOnly? PausedUntil, DateTimeOffset UpdatedAt, Snowflake UpdatedBy, string Place);
}

public static class RitualLookup
{
    /// <summary>The pair's ritual, or a refusal that says how to set one.</summary>
    public static async Task<Ritual> RequireAsync(this RitualRepository rituals, Pair pair, InteractionContext context,
        CancellationToken cancellationToken = default) =>
        await rituals.GetAsync(pair.Id, cancellationToken) ?? throw new UserErrorException(context.Text(RitualTexts.NoRitual));
}
