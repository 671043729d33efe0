using CrossCoaching.Benchmarks;
using CrossCoaching.Tests.Fakes;
using Npgsql;

namespace CrossCoaching.Tests.BenchmarkTests;

/// <summary>The two-instance burst runs its bot processes as a deployment would: each with a pool of connections.</summary>
public sealed class BurstDatabaseTests
{
    [Fact]
    public void The_bots_of_a_burst_on_a_throwaway_PostgreSQL_database_connect_through_a_pool()
    {
        var throwaway = PostgresServer.Instance.CreateDatabase();
        try
        {
            var bots = new NpgsqlConnectionStringBuilder(BurstConnection.ForBots(throwaway));

            // The kit's own connections are pooled too now; the database still drops at once (Drop clears the pool first).
            using (var used = new NpgsqlConnection(throwaway))
                used.Open();
            Assert.True(bots.Pooling);
            Assert.Equal(new NpgsqlConnectionStringBuilder(throwaway).Database, bots.Database);
        }
        finally
        {
            PostgresServer.Instance.Drop(throwaway);
        }
    }

    [Fact]
    public void A_SQLite_burst_keeps_its_connection_string()
    {
        Assert.Equal("Data Source=/tmp/x/bot.db", BurstConnection.ForBots("Data Source=/tmp/x/bot.db"));
    }
}
