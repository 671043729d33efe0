using CrossCoaching.Discord.Gateway;

namespace CrossCoaching.Tests.Discord.Gateway;

public sealed class GatewayBackoffTests
{
    /// <summary>Moves the clock to just before the wait ends (no connection yet), then to its end (a connection).</summary>
    private static async Task<ScriptedGatewayConnection> WaitOutAsync(GatewayHarness gateway, double seconds)
    {
        var line = await gateway.ReconnectingAsync();
        Assert.Contains($"in {seconds:0.###} s", line.Message, StringComparison.Ordinal);
        gateway.Time.Advance(TimeSpan.FromSeconds(seconds) - TimeSpan.FromMilliseconds(1));
        await gateway.Connections.AssertNoNewConnectionAsync();
        gateway.Time.Advance(TimeSpan.FromMilliseconds(1));
        return await gateway.Connections.NextAsync();
    }

    [Fact]
    public async Task Failed_connections_back_off_from_1_s_doubling_up_to_60_s_and_a_READY_resets_the_backoff()
    {
        await using var gateway = new GatewayHarness(jitter: 0);
        gateway.Connections.Prepare = c => c.OpenFailure = c.Number is <= 9 or 11 ? new IOException("refused") : null;
        gateway.Start();
        await gateway.Connections.NextAsync();

        foreach (var seconds in new[] { 1, 2, 4, 8, 16, 32, 60, 60 })
            await WaitOutAsync(gateway, seconds);
        var connected = await WaitOutAsync(gateway, 60);
        connected.PushHello(41250);
        await connected.NextSentAsync(2);
        await gateway.ReadyAsync(connected);

        connected.PushClose(null);
        await gateway.ReconnectingAsync();
        await gateway.Connections.NextAsync(); // at once: a connection that reached READY is no failure; this one fails
        await WaitOutAsync(gateway, 1);
    }

    [Fact]
    public async Task A_connection_without_HELLO_within_30_s_is_closed_and_counts_as_a_failure()
    {
        await using var gateway = new GatewayHarness(jitter: 0).Start();
        var silent = await gateway.Connections.NextAsync();

        gateway.Time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(4000, await silent.WaitClosedAsync());
        var line = await gateway.ReconnectingAsync();
        Assert.Contains("no HELLO", line.Message, StringComparison.Ordinal);
        gateway.Time.Advance(TimeSpan.FromSeconds(1));
        await gateway.ConnectAsync();
    }

    [Fact]
    public async Task A_connection_closed_before_READY_counts_as_a_failure()
    {
        await using var gateway = new GatewayHarness(jitter: 0).Start();
        var (first, _) = await gateway.ConnectAsync();
        first.PushClose(4000);
        var second = await WaitOutAsync(gateway, 1);
        second.PushHello(41250);
        await second.NextSentAsync(2);

        second.PushClose(4000);

        await WaitOutAsync(gateway, 2);
    }

    [Fact]
    public async Task A_cancellation_that_is_not_the_bots_counts_as_a_failed_connection()
    {
        await using var gateway = new GatewayHarness(jitter: 0);
        gateway.Connections.Prepare = c => c.OpenFailure = c.Number == 1 ? new OperationCanceledException("socket aborted") : null;
        gateway.Start();
        await gateway.Connections.NextAsync();

        var next = await WaitOutAsync(gateway, 1);

        next.PushHello(41250);
        await next.NextSentAsync(2);
        Assert.False(gateway.Running.IsCompleted);
    }

    [Theory]
    [InlineData(1, 0.0, 1.0)]
    [InlineData(2, 0.0, 2.0)]
    [InlineData(3, 0.0, 4.0)]
    [InlineData(6, 0.0, 32.0)]
    [InlineData(7, 0.0, 60.0)]
    [InlineData(50, 0.0, 60.0)]
    [InlineData(2, 0.999, 1.5005)]
    [InlineData(7, 0.5, 52.5)]
    [InlineData(7, 0.999, 45.015)]
    public void The_backoff_doubles_from_1_s_to_at_most_60_s_shortened_by_up_to_a_quarter_at_random(int failures, double jitter, double seconds) =>
        Assert.Equal(seconds, GatewayReconnectPolicy.Backoff(failures, jitter).TotalSeconds, precision: 6);

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 1.125)]
    [InlineData(0.999, 1.24975)]
    public void The_first_wait_is_spread_above_1_s_never_below(double jitter, double seconds) =>
        Assert.Equal(seconds, GatewayReconnectPolicy.Backoff(1, jitter).TotalSeconds, precision: 6);

    [Fact]
    public void Every_wait_after_a_failure_lies_from_1_s_to_60_s_and_jitter_spreads_each_one()
    {
        var random = new Random(20261102);
        for (var failures = 1; failures <= 40; failures++)
        {
            var waits = Enumerable.Range(0, 2000).Select(_ => random.NextDouble())
                .Concat([0.0, Math.BitDecrement(1.0)])
                .Select(jitter => GatewayReconnectPolicy.Backoff(failures, jitter))
                .ToList();

            Assert.All(waits, wait => Assert.InRange(wait, GatewayReconnectPolicy.FirstBackoff, GatewayReconnectPolicy.MaxBackoff));
            // Spread by a fifth of the nominal wait at least, so that bots retrying together drift apart.
            var nominal = GatewayReconnectPolicy.Backoff(failures, 0);
            Assert.True(waits.Max() - waits.Min() > nominal / 5, $"after {failures} failure(s) the waits span only {waits.Max() - waits.Min()}");
        }
    }

    [Fact]
    public void Every_delay_after_a_failure_lies_from_1_s_to_60_s_whether_it_resumes_or_identifies()
    {
        var random = new Random(42);
        foreach (var next in new[] { GatewayNextStep.Resume, GatewayNextStep.Identify })
            for (var failures = 1; failures <= 40; failures++)
                for (var draw = 0; draw < 500; draw++)
                    Assert.InRange(GatewayReconnectPolicy.Delay(next, failures, random.NextDouble),
                        GatewayReconnectPolicy.FirstBackoff, GatewayReconnectPolicy.MaxBackoff);
    }

    [Fact]
    public void A_wait_before_a_new_IDENTIFY_is_never_shorter_than_the_backoff()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), GatewayReconnectPolicy.Delay(GatewayNextStep.Identify, failures: 0, () => 0.5));
        Assert.Equal(TimeSpan.FromSeconds(60), GatewayReconnectPolicy.Delay(GatewayNextStep.Identify, failures: 9, () => 0));
        Assert.Equal(TimeSpan.Zero, GatewayReconnectPolicy.Delay(GatewayNextStep.Resume, failures: 0, () => 0.5));
    }
}
