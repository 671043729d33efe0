namespace CrossCoaching.Tests.Discord.Gateway;

public sealed class GatewayResumeTests
{
    private static readonly Uri ResumeUrl = new(GatewayHarness.ResumeUrl + "/?v=10&encoding=json");

    /// <summary>A session past READY with sequence 5, then whatever the test pushes.</summary>
    private static async Task<ScriptedGatewayConnection> ReadySessionAsync(GatewayHarness gateway)
    {
        var (connection, _) = await gateway.ConnectAsync();
        await gateway.ReadyAsync(connection, sequence: 1);
        await gateway.DispatchAsync(connection, "GUILD_UPDATE", 5);
        return connection;
    }

    private static async Task AssertResumesAsync(GatewayHarness gateway, long sequence)
    {
        var next = await gateway.Connections.NextAsync();
        Assert.Equal(ResumeUrl, next.Url);
        next.PushHello(41250);
        var resume = (await next.NextSentAsync(6)).GetProperty("d");
        Assert.Equal(GatewayHarness.SessionId, resume.GetProperty("session_id").GetString());
        Assert.Equal(sequence, resume.GetProperty("seq").GetInt64());
        Assert.Equal(GatewayHarness.Token, resume.GetProperty("token").GetString());

        next.PushDispatch("RESUMED", sequence + 1, "{}");
        await gateway.Dispatches.WaitForAsync("RESUMED");
        await next.AssertNothingSentAsync();
        await gateway.Logs.WaitForAsync("Resumed");
    }

    [Fact]
    public async Task Op_7_closes_with_a_resumable_code_and_resumes_at_the_resume_url_without_identifying()
    {
        await using var gateway = new GatewayHarness().Start();
        var connection = await ReadySessionAsync(gateway);

        connection.Push("""{"op":7,"d":null}""");

        Assert.Equal(4000, await connection.WaitClosedAsync());
        await AssertResumesAsync(gateway, sequence: 5);
    }

    [Fact]
    public async Task A_dropped_connection_resumes()
    {
        await using var gateway = new GatewayHarness().Start();
        var connection = await ReadySessionAsync(gateway);

        connection.PushClose(null);

        await AssertResumesAsync(gateway, sequence: 5);
        Assert.Null(connection.ClosedWith);
    }

    [Theory]
    [InlineData(4000)]
    [InlineData(4001)]
    [InlineData(4002)]
    [InlineData(4003)]
    [InlineData(4005)]
    [InlineData(4008)]
    [InlineData(1001)]
    [InlineData(1006)]
    public async Task A_resumable_close_code_resumes(int code)
    {
        await using var gateway = new GatewayHarness().Start();
        var connection = await ReadySessionAsync(gateway);

        connection.PushClose(code);

        await AssertResumesAsync(gateway, sequence: 5);
        var line = gateway.Logs.Entries.Single(e => e.Message.Contains("Reconnecting", StringComparison.Ordinal));
        Assert.Contains($"close code {code}", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_session_that_may_be_resumed_resumes()
    {
        await using var gateway = new GatewayHarness().Start();
        var connection = await ReadySessionAsync(gateway);

        connection.Push("""{"op":9,"d":true}""");

        Assert.NotEqual(1000, await connection.WaitClosedAsync());
        await AssertResumesAsync(gateway, sequence: 5);
    }

    [Theory]
    [InlineData(0.0, 1000)]
    [InlineData(0.5, 3000)]
    [InlineData(0.99, 4960)]
    public async Task An_invalid_session_identifies_anew_on_the_gateway_url_after_one_to_five_seconds(double jitter, int waitMs)
    {
        await using var gateway = new GatewayHarness(jitter: jitter).Start();
        var connection = await ReadySessionAsync(gateway);

        connection.Push("""{"op":9,"d":false}""");
        await gateway.ReconnectingAsync();
        gateway.Time.Advance(TimeSpan.FromMilliseconds(waitMs - 1));
        await gateway.Connections.AssertNoNewConnectionAsync();
        gateway.Time.Advance(TimeSpan.FromMilliseconds(1));

        var (next, identify) = await gateway.ConnectAsync();
        Assert.Equal(connection.Url, next.Url);
        Assert.Equal(GatewayHarness.Token, identify.GetProperty("d").GetProperty("token").GetString());
    }

    [Theory]
    [InlineData(4007)]
    [InlineData(4009)]
    public async Task A_close_that_ends_the_session_identifies_anew(int code)
    {
        await using var gateway = new GatewayHarness(jitter: 0.5).Start();
        var connection = await ReadySessionAsync(gateway);

        connection.PushClose(code);
        await gateway.ReconnectingAsync();
        gateway.Time.Advance(TimeSpan.FromSeconds(3));

        var (next, _) = await gateway.ConnectAsync();
        Assert.Equal(connection.Url, next.Url);
    }

    [Fact]
    public async Task A_failed_resume_identifies_anew_on_the_gateway_url()
    {
        await using var gateway = new GatewayHarness(jitter: 0.5).Start();
        var connection = await ReadySessionAsync(gateway);
        connection.Push("""{"op":7,"d":null}""");
        await gateway.ReconnectingAsync();
        var resuming = await gateway.Connections.NextAsync();
        resuming.PushHello(41250);
        await resuming.NextSentAsync(6);

        resuming.Push("""{"op":9,"d":false}""");
        await gateway.ReconnectingAsync();
        gateway.Time.Advance(TimeSpan.FromSeconds(3));

        var (next, _) = await gateway.ConnectAsync();
        Assert.Equal(connection.Url, next.Url);
        await gateway.ReadyAsync(next);
    }

    [Fact]
    public async Task Stopping_closes_with_1000_and_returns_promptly()
    {
        await using var gateway = new GatewayHarness().Start();
        var connection = await ReadySessionAsync(gateway);

        await gateway.StopAsync();

        Assert.Equal(1000, connection.ClosedWith);
        Assert.True(gateway.Running.IsCompletedSuccessfully);
        Assert.Equal(1, gateway.Connections.Count);
    }
}
