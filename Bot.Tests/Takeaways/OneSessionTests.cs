using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.Takeaways;

/// <summary>Tests about one session of Alice and Bob that took place an hour ago.</summary>
public abstract class OneSessionTests : IAsyncLifetime
{
    protected FeatureHarness World { get; private set; } = null!;

    protected Pair Pair { get; private set; } = null!;

    protected Session Session { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        World = await FeatureHarness.StartWithTrailAsync();
        Pair = await World.PairAsync(Alice, Bob);
        Session = await World.SessionAsync(Pair, Monday.AddHours(-1));
    }

    public async Task DisposeAsync() => await World.DisposeAsync();
}
