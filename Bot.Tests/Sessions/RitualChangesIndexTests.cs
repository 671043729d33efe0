using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Dapper;

namespace CrossCoaching.Tests.Sessions;

/// <summary>
/// The planning net's later passes ask for the rituals saved since their last pass (<c>DueSteps.UnplannedPairsAsync</c>):
/// on both providers the database answers from the index on <c>rituals.updated_at</c>, not by reading every ritual.
/// </summary>
public sealed class RitualChangesIndexTests
{
    private const string SavedSince = "SELECT pair_id FROM rituals WHERE updated_at > @since";

    [Fact]
    public async Task The_rituals_saved_since_a_moment_are_read_through_the_index_on_updated_at()
    {
        using var db = await TestDatabase.MigratedAsync();
        await using var connection = await db.Connections.OpenAsync();
        var since = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        string plan;
        if (TestDatabase.Provider == StorageProvider.Postgres)
        {
            // An empty table is cheaper to read whole: forbid that, and see whether an index can answer at all.
            await connection.ExecuteAsync("SET enable_seqscan = off");
            plan = string.Join('\n', await connection.QueryAsync<string>("EXPLAIN " + SavedSince, new { since }));
        }
        else
        {
            var rows = await connection.QueryAsync<(long Id, long Parent, long NotUsed, string Detail)>("EXPLAIN QUERY PLAN " + SavedSince, new { since });
            plan = string.Join('\n', rows.Select(r => r.Detail));
        }

        Assert.Contains("ix_rituals_updated", plan, StringComparison.Ordinal);
    }
}
