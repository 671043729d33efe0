using CrossCoaching.Tests.Fakes;

namespace CrossCoaching.Tests.Cluster;

/// <summary>
/// Two instances of the bot (two service containers, as two processes would have) on one PostgreSQL database: each
/// with its own Discord fake, gateway cache and clock, and its own instance id. What one does, the other sees only
/// through the database.
/// </summary>
public sealed class TwoInstances : IAsyncDisposable
{
    private readonly string _database;

    private TwoInstances(string database, FeatureHarness a, FeatureHarness b) => (_database, A, B) = (database, a, b);

    public FeatureHarness A { get; }

    public FeatureHarness B { get; }

    public IEnumerable<FeatureHarness> Both => [A, B];

    public static async Task<TwoInstances> StartAsync(DateTimeOffset now)
    {
        var database = PostgresServer.Instance.CreateMigratedDatabase();
        var a = await FeatureHarness.StartAsync(now, Settings(database, "instance-a"));
        var b = await FeatureHarness.StartAsync(now, Settings(database, "instance-b"));
        return new TwoInstances(database, a, b);
    }

    private static Dictionary<string, string?> Settings(string database, string id) => new()
    {
        ["ConnectionStrings:CrossCoaching"] = database,
        ["Instance:Id"] = id,
    };

    /// <summary>Runs the same work on both instances at the same moment, as two processes receiving it together would.</summary>
    public Task RaceAsync(Func<FeatureHarness, Task> work) => Task.WhenAll(Both.Select(h => Task.Run(() => work(h))));

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        PostgresServer.Instance.Drop(_database);
    }
}
