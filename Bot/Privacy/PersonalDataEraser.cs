using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Pool;
using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Privacy;

/// <summary>What <c>/me forget</c> removed, and the trail messages that still show the member.</summary>
public sealed record ErasedData(int Takeaways, int Stays, int RoundAnswers, int Invitations, int Pairs, IReadOnlyList<long> TrailSessions);

/// <summary>
/// Deletes a member's data in one guild, in one transaction: their takeaways, voice stays, round answers, invitations
/// and pair membership go; in the pairs' history (which their partners keep) their id becomes a sentinel and their
/// name an empty string, shown as "a former member" (see <see cref="FormerMember"/>), wherever it is kept: the pair, the
/// ritual's last editor, the dates they proposed to move (their slot's sentinel, so "who proposed" still reads right).
/// </summary>
public sealed class PersonalDataEraser(SqliteConnectionFactory connections, TimeProvider time)
{
    public async Task<ErasedData> EraseAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginWriteAsync(cancellationToken);
        var member = new { guildId, userId };
        var pairIds = (await connection.QueryAsync<long>(
            "SELECT id FROM pairs WHERE guild_id = @guildId AND (member_a_id = @userId OR member_b_id = @userId)", member, transaction)).ToArray();
        var sessionIds = (await connection.QueryAsync<long>(
            "SELECT id FROM sessions WHERE pair_id IN @pairIds", new { pairIds = SqlLists.OrNoId(pairIds) }, transaction)).ToArray();
        var scope = new { guildId, userId, pairIds = SqlLists.OrNoId(pairIds), sessionIds = SqlLists.OrNoId(sessionIds), slotA = FormerMember.InSlotA, slotB = FormerMember.InSlotB };

        // Every trail message of these pairs names the member in its title; the caller re-renders them.
        var trailSessions = (await connection.QueryAsync<long>("SELECT session_id FROM trail_posts WHERE session_id IN @sessionIds", scope, transaction)).ToList();
        var erased = new ErasedData(
            await connection.ExecuteAsync("DELETE FROM takeaways WHERE author_id = @userId AND pair_id IN @pairIds", scope, transaction),
            await connection.ExecuteAsync("DELETE FROM attendance WHERE user_id = @userId AND session_id IN @sessionIds", scope, transaction),
            await connection.ExecuteAsync("DELETE FROM round_answers WHERE user_id = @userId AND pair_id IN @pairIds", scope, transaction),
            await connection.ExecuteAsync(
                "DELETE FROM invitations WHERE guild_id = @guildId AND (inviter_id = @userId OR invitee_id = @userId)", scope, transaction),
            pairIds.Length,
            trailSessions);
        await connection.ExecuteAsync(
            """
            DELETE FROM session_notices WHERE user_id = @userId AND session_id IN @sessionIds;
            DELETE FROM session_checkins WHERE user_id = @userId AND session_id IN @sessionIds;
            DELETE FROM pair_members WHERE guild_id = @guildId AND user_id = @userId;
            DELETE FROM dm_channels WHERE user_id = @userId;
            DELETE FROM member_sightings WHERE guild_id = @guildId AND user_id = @userId;
            UPDATE rituals SET updated_by = @slotA WHERE updated_by = @userId AND pair_id IN @pairIds;
            UPDATE move_proposals SET proposed_by = CASE
                WHEN (SELECT p.member_a_id FROM pairs p WHERE p.id = move_proposals.pair_id) = @userId THEN @slotA ELSE @slotB END
            WHERE proposed_by = @userId AND pair_id IN @pairIds;
            UPDATE pairs SET member_a_id = @slotA, name_a = '' WHERE guild_id = @guildId AND member_a_id = @userId;
            UPDATE pairs SET member_b_id = @slotB, name_b = '' WHERE guild_id = @guildId AND member_b_id = @userId;
            """, scope, transaction);
        // Their re-rendering is owed from this transaction on: the reconciler finishes it after a crash.
        await connection.ExecuteAsync("INSERT INTO trail_refreshes_owed (session_id, owed_at) VALUES (@id, @now) ON CONFLICT DO NOTHING",
            trailSessions.Select(id => new { id, now = time.GetUtcNow() }), transaction);
        await PoolPersonalData.EraseAsync(connection, transaction, guildId, userId);
        // Nothing owed but not yet sent may still reach or mention them: dropped with the rest, in this transaction.
        await Messaging.Outbox.DropConcerningAsync(connection, transaction, userId, time.GetUtcNow());
        await transaction.CommitAsync(cancellationToken);
        // secure_delete zeroed the rows in the pages just written; checkpointing moves those pages into the database
        // file and empties the write-ahead log, where the older copies of the same pages still held the text.
        // (PostgreSQL has neither: see "Storage providers" in README.md for what a forget leaves there until vacuum.)
        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
            await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        return erased;
    }
}
