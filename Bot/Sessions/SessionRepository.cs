using CrossCoaching.Discord;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Sessions;

/// <summary>Sessions and their steps: the source of truth the scheduler and the reconciler work from.</summary>
public sealed class SessionRepository(SqliteConnectionFactory connections)
{
    internal const string Columns =
        """
        id AS Id, pair_id AS PairId, guild_id AS GuildId, kind AS Kind, slot_at AS SlotAt, duration_minutes AS DurationMinutes,
        grace_minutes AS GraceMinutes, status AS Status, outcome AS Outcome, skip_announced AS SkipAnnounced,
        room_channel_id AS RoomChannelId, room_parent_id AS RoomParentId, failure AS Failure, created_at AS CreatedAt,
        closed_at AS ClosedAt, place AS Place, extensions AS Extensions
        """;

    /// <summary>
    /// Creates the session with its steps, or returns the existing one for that pair and slot (a cancelled one is
    /// planned again).
    /// </summary>
    public async Task<Session> CreateAsync(Session session, IReadOnlyList<(SessionStep Step, DateTimeOffset DueAt)> steps, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>(
            """
            INSERT INTO sessions (pair_id, guild_id, kind, slot_at, duration_minutes, grace_minutes, status, created_at, place)
            VALUES (@PairId, @GuildId, @kind, @SlotAt, @DurationMinutes, @GraceMinutes, 'scheduled', @CreatedAt, @place)
            ON CONFLICT (pair_id, slot_at) DO UPDATE SET
                kind = excluded.kind, duration_minutes = excluded.duration_minutes, grace_minutes = excluded.grace_minutes,
                place = excluded.place, extensions = 0,
                status = 'scheduled', outcome = NULL, skip_announced = 0, room_channel_id = NULL, room_parent_id = NULL,
                failure = NULL, closed_at = NULL
            WHERE sessions.status = 'cancelled'
            RETURNING id
            """,
            new { session.PairId, session.GuildId, kind = session.Kind.Code(), session.SlotAt, session.DurationMinutes, session.GraceMinutes, session.CreatedAt, place = session.Place.Code() },
            transaction);
        if (id is { } created)
        {
            // A slot cancelled by a change of ritual (or a pause) comes back to life with fresh steps.
            await connection.ExecuteAsync("DELETE FROM session_steps WHERE session_id = @created", new { created }, transaction);
            await connection.ExecuteAsync(
                "INSERT INTO session_steps (session_id, step, due_at) VALUES (@created, @step, @due)",
                steps.Select(s => new { created, step = s.Step.Code(), due = s.DueAt }), transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        return (await FindAtSlotAsync(session.PairId, session.SlotAt, cancellationToken))!;
    }

    public async Task<Session?> GetAsync(long id, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} FROM sessions WHERE id = @id", new { id }, cancellationToken)).SingleOrDefault();

    public async Task<Session?> FindAtSlotAsync(long pairId, DateTimeOffset slotAt, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} FROM sessions WHERE pair_id = @pairId AND slot_at = @slotAt", new { pairId, slotAt }, cancellationToken)).SingleOrDefault();

    public async Task<Session?> FindByRoomAsync(Snowflake roomChannelId, CancellationToken cancellationToken = default) =>
        (await QueryAsync($"SELECT {Columns} FROM sessions WHERE room_channel_id = @roomChannelId LIMIT 1", new { roomChannelId }, cancellationToken)).SingleOrDefault();

    /// <summary>Sessions still to run or running (scheduled or open), oldest first.</summary>
    public Task<IReadOnlyList<Session>> ListUnfinishedAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM sessions WHERE status IN ('scheduled', 'open') ORDER BY slot_at", null, cancellationToken);

    /// <summary>Open sessions (a room up now): a handful, found by the status index, whatever the number of rituals.</summary>
    public Task<IReadOnlyList<Session>> ListOpenAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM sessions WHERE status = 'open' ORDER BY slot_at", null, cancellationToken);

    /// <summary>A guild's unfinished sessions that have a room, found by the room index rather than by reading every session.</summary>
    public Task<IReadOnlyList<Session>> ListUnfinishedWithRoomInGuildAsync(Snowflake guildId, CancellationToken cancellationToken = default) =>
        QueryAsync(
            $"SELECT {Columns} FROM sessions WHERE room_channel_id IS NOT NULL AND guild_id = @guildId AND status IN ('scheduled', 'open') ORDER BY slot_at",
            new { guildId }, cancellationToken);

    /// <summary>A guild's unfinished sessions (the bot removed from it), oldest first.</summary>
    public Task<IReadOnlyList<Session>> ListUnfinishedInGuildAsync(Snowflake guildId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM sessions WHERE guild_id = @guildId AND status IN ('scheduled', 'open') ORDER BY slot_at", new { guildId }, cancellationToken);

    public Task<IReadOnlyList<Session>> ListUnfinishedForPairAsync(long pairId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM sessions WHERE pair_id = @pairId AND status IN ('scheduled', 'open') ORDER BY slot_at", new { pairId }, cancellationToken);

    /// <summary>Finished sessions whose room was never confirmed deleted (a crash, an outage).</summary>
    public Task<IReadOnlyList<Session>> ListFinishedWithRoomAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM sessions WHERE status NOT IN ('scheduled', 'open') AND room_channel_id IS NOT NULL", null, cancellationToken);

    /// <summary>Sessions closed after <paramref name="since"/>, for late follow-ups (a message lost in a crash).</summary>
    public Task<IReadOnlyList<Session>> ListClosedSinceAsync(DateTimeOffset since, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM sessions WHERE status = 'closed' AND closed_at > @since", new { since }, cancellationToken);

    public Task<IReadOnlyList<Session>> ListForPairAsync(long pairId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM sessions WHERE pair_id = @pairId ORDER BY slot_at", new { pairId }, cancellationToken);

    /// <summary>How many sessions of a guild open at the same instant (rooms to prepare ahead of it).</summary>
    public async Task<int> CountAtSlotAsync(Snowflake guildId, DateTimeOffset slotAt, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(
            "SELECT count(*) FROM sessions WHERE guild_id = @guildId AND slot_at = @slotAt AND status IN ('scheduled', 'open')", new { guildId, slotAt });
    }

    public async Task<IReadOnlyList<SessionStepDue>> GetStepsAsync(long sessionId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long SessionId, string Step, DateTimeOffset DueAt, string State, long Attempts)>(
            "SELECT session_id, step, due_at, state, attempts FROM session_steps WHERE session_id = @sessionId", new { sessionId });
        return [.. rows.Select(r => new SessionStepDue(r.SessionId, SessionCodes.Parse<SessionStep>(r.Step), r.DueAt, SessionCodes.Parse<StepState>(r.State), (int)r.Attempts))
            .OrderBy(s => s.Step)];
    }

    /// <summary>Ends a pending step; false when it had already ended (a second fire does nothing twice).</summary>
    public async Task<bool> EndStepAsync(long sessionId, SessionStep step, StepState state, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var work = await connections.BeginAsync(cancellationToken);
        var ended = await EndStepAsync(work, sessionId, step, state, now);
        await work.CommitAsync(cancellationToken);
        return ended;
    }

#pragma warning disable CA1822 // Instance methods like their siblings: callers reach the repository, not its SQL.
    /// <summary>
    /// Lengthens an open session by <paramref name="minutes"/> (its <paramref name="extended"/> form carries the new end)
    /// and moves its pending warning and close with it; false when the session is no longer open or was extended since
    /// <paramref name="extensionsBefore"/> was read.
    /// </summary>
    public async Task<bool> ExtendAsync(DbWork work, Session extended, int extensionsBefore, int minutes)
    {
        var sessionId = extended.Id;
        if (await work.ExecuteAsync(
                """
                UPDATE sessions SET duration_minutes = duration_minutes + @minutes, extensions = extensions + 1
                WHERE id = @sessionId AND status = 'open' AND extensions = @extensionsBefore
                """, new { sessionId, minutes, extensionsBefore }) != 1)
            return false;
        await work.ExecuteAsync("UPDATE session_steps SET due_at = @due WHERE session_id = @sessionId AND step = 'warn' AND state = 'pending'",
            new { sessionId, due = extended.EndsAt });
        await work.ExecuteAsync("UPDATE session_steps SET due_at = @due WHERE session_id = @sessionId AND step = 'close' AND state = 'pending'",
            new { sessionId, due = extended.CloseAt });
        return true;
    }

    /// <summary>The same, in a transaction that also writes the messages the step owes (see <see cref="DbWork"/>).</summary>
    public async Task<bool> EndStepAsync(DbWork work, long sessionId, SessionStep step, StepState state, DateTimeOffset now) =>
        await work.ExecuteAsync(
            "UPDATE session_steps SET state = @state, done_at = @now, attempts = attempts + 1 WHERE session_id = @sessionId AND step = @step AND state = 'pending'",
            new { sessionId, step = step.Code(), state = state.Code(), now }) == 1;

    public async Task CountAttemptAsync(long sessionId, SessionStep step, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE session_steps SET attempts = attempts + 1 WHERE session_id = @sessionId AND step = @step",
            new { sessionId, step = step.Code() });
    }

    /// <summary>Drops every step still pending, e.g. when the session is skipped, cancelled or ends early.</summary>
    public async Task DropPendingStepsAsync(long sessionId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("UPDATE session_steps SET state = 'dropped', done_at = @now WHERE session_id = @sessionId AND state = 'pending'",
            new { sessionId, now });
    }

    /// <summary>Records the session's room (or its loss), and with it clears the request's stamp (<see cref="RoomIntents"/>).</summary>
    public async Task SetRoomAsync(long sessionId, Snowflake? roomChannelId, Snowflake? parentId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "UPDATE sessions SET room_channel_id = @roomChannelId, room_parent_id = @parentId, room_requested_at = NULL WHERE id = @sessionId",
            new { sessionId, roomChannelId, parentId });
    }

    /// <summary>Moves the session to a new status; from a finished status nothing moves (false).</summary>
    public async Task<bool> SetStatusAsync(long sessionId, SessionStatus status, SessionOutcome? outcome = null, string? failure = null,
        DateTimeOffset? closedAt = null, bool? skipAnnounced = null, CancellationToken cancellationToken = default)
    {
        await using var work = await connections.BeginAsync(cancellationToken);
        var moved = await SetStatusAsync(work, sessionId, status, outcome, failure, closedAt, skipAnnounced);
        await work.CommitAsync(cancellationToken);
        return moved;
    }

    public async Task<bool> SetStatusAsync(DbWork work, long sessionId, SessionStatus status, SessionOutcome? outcome = null, string? failure = null,
        DateTimeOffset? closedAt = null, bool? skipAnnounced = null) =>
        await work.ExecuteAsync(
            """
            UPDATE sessions SET status = @status, outcome = coalesce(@outcome, outcome), failure = coalesce(@failure, failure),
                closed_at = coalesce(@closedAt, closed_at), skip_announced = coalesce(@skipAnnounced, skip_announced)
            WHERE id = @sessionId AND status IN ('scheduled', 'open')
            """,
            new { sessionId, status = status.Code(), outcome = outcome?.Code(), failure, closedAt, skipAnnounced }) == 1;
#pragma warning restore CA1822

    private async Task<IReadOnlyList<Session>> QueryAsync(string sql, object? args, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. (await connection.QueryAsync<Row>(sql, args)).Select(r => r.ToSession())];
    }

    internal sealed record Row(
        long Id, long PairId, Snowflake GuildId, string Kind, DateTimeOffset SlotAt, long DurationMinutes, long GraceMinutes,
        string Status, string? Outcome, long SkipAnnounced, Snowflake? RoomChannelId, Snowflake? RoomParentId, string? Failure,
        DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, string Place, long Extensions)
    {
        public Session ToSession() => new(
            Id, PairId, GuildId, SessionCodes.Parse<SessionKind>(Kind), SlotAt, (int)DurationMinutes, (int)GraceMinutes,
            SessionCodes.Parse<SessionStatus>(Status), Outcome is null ? null : SessionCodes.Parse<SessionOutcome>(Outcome),
            SkipAnnounced != 0, RoomChannelId, RoomParentId, Failure, CreatedAt, ClosedAt)
        { Place = TalkPlaces.Parse(Place), Extensions = (int)Extensions };
    }
}
