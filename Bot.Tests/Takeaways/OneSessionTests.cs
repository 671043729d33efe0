using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using static CrossCoaching.Tests.Takeaways.TakeawayWorld;

namespace CrossCoaching.Tests.Takeaways;

/// <summary>Tests about one session of Alice and Bob that took place an hour ago.</summary>
public abstract class OneSessionTests : IAsyncLifetime
{
    protected TakeawayWorld World { get; private set; } = null!;

    protected Pair Pair { get; private set; } = null!;

    protected Session Session { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        World = await TakeawayWorld.CreateAsync();
        Pair = await World.PairAsync(Alice, Bob);
        Session = await World.SessionAsync(Pair, Start.AddHours(-1));
    }

    public Task DisposeAsync()
    {
        World.Dispose();
        return Task.CompletedTask;
    }
}
