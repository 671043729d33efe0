using CrossCoaching.Storage;
using Dapper;

namespace CrossCoaching.Progress;

/// <summary>
/// Pairs that chose "Keep going, stop asking": their rounds still count and move on, but nobody is asked at a round's
/// end until a partner runs <c>/ritual rounds</c>. One row per pair, so a second choice changes nothing.
/// </summary>
public sealed class QuietRounds(SqliteConnectionFactory connections)
{
    public async Task<bool> IsQuietAsync(long pairId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM quiet_rounds WHERE pair_id = @pairId", new { pairId }) > 0;
    }

    public async Task StopAskingAsync(long pairId, int round, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            "INSERT INTO quiet_rounds (pair_id, since_round, chosen_at) VALUES (@pairId, @round, @now) ON CONFLICT (pair_id) DO NOTHING",
            new { pairId, round, now });
    }

    /// <returns>False when the pair was being asked already.</returns>
    public async Task<bool> AskAgainAsync(long pairId, CancellationToken cancellationToken = default)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync("DELETE FROM quiet_rounds WHERE pair_id = @pairId", new { pairId }) == 1;
    }
}
