using CrossCoaching.Discord;
using CrossCoaching.Discord.Gateway;

namespace CrossCoaching.Tests.Discord.Gateway;

public sealed class GatewayIdentifyTests
{
    [Fact]
    public async Task Identify_sends_the_token_intents_129_and_the_library_properties_without_a_shard()
    {
        await using var gateway = new GatewayHarness().Start();

        var (connection, identify) = await gateway.ConnectAsync();

        var d = identify.GetProperty("d");
        Assert.Equal(GatewayHarness.Token, d.GetProperty("token").GetString());
        Assert.Equal(129, d.GetProperty("intents").GetInt32());
        var properties = d.GetProperty("properties");
        Assert.Equal("CrossCoaching", properties.GetProperty("browser").GetString());
        Assert.Equal("CrossCoaching", properties.GetProperty("device").GetString());
        Assert.Equal(OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsWindows() ? "windows" : "macos", properties.GetProperty("os").GetString());
        Assert.False(d.TryGetProperty("shard", out _));
        Assert.False(d.TryGetProperty("compress", out _));
        Assert.False(d.TryGetProperty("large_threshold", out _));
        Assert.Equal(new Uri("wss://gateway.test/?v=10&encoding=json"), connection.Url);
    }

    [Fact]
    public async Task Identify_sends_the_configured_shard()
    {
        await using var gateway = new GatewayHarness(new DiscordOptions { Token = GatewayHarness.Token, ShardId = 1, ShardCount = 3 }).Start();

        var (_, identify) = await gateway.ConnectAsync();

        var shard = identify.GetProperty("d").GetProperty("shard");
        Assert.Equal([1, 3], shard.EnumerateArray().Select(e => e.GetInt32()));
    }

    [Fact]
    public async Task A_configured_gateway_url_is_used_and_the_api_is_asked_only_for_the_identify_budget()
    {
        var options = new DiscordOptions { Token = GatewayHarness.Token, GatewayUrl = "ws://127.0.0.1:5555/gw?region=eu&v=9" };
        await using var gateway = new GatewayHarness(options).Start();

        var (connection, _) = await gateway.ConnectAsync();

        Assert.Equal(new Uri("ws://127.0.0.1:5555/gw?region=eu&v=10&encoding=json"), connection.Url);
        Assert.Equal(1, gateway.Api.GatewayCalls);
    }

    [Fact]
    public async Task The_identify_budget_is_read_again_before_a_new_session()
    {
        await using var gateway = new GatewayHarness(jitter: 0).Start();
        var (first, _) = await gateway.ConnectAsync();
        await gateway.ReadyAsync(first);

        first.Push("""{"op":9,"d":false}""");
        await gateway.ReconnectingAsync();
        gateway.Time.Advance(TimeSpan.FromSeconds(1));
        var (second, _) = await gateway.ConnectAsync();

        Assert.Equal(first.Url, second.Url);
        Assert.Equal(2, gateway.Api.GatewayCalls);
    }

    [Fact]
    public async Task A_failed_fetch_of_the_gateway_url_is_retried_after_a_backoff()
    {
        await using var gateway = new GatewayHarness(jitter: 0);
        gateway.Api.Failures.Enqueue(new HttpRequestException("network down"));
        gateway.Start();

        var line = await gateway.ReconnectingAsync();
        Assert.Contains("network down", line.Message, StringComparison.Ordinal);
        Assert.Equal(0, gateway.Connections.Count);
        gateway.Time.Advance(TimeSpan.FromSeconds(1));

        await gateway.ConnectAsync();
        Assert.Equal(2, gateway.Api.GatewayCalls);
    }

    [Theory]
    [InlineData("wss://gateway.discord.gg", "wss://gateway.discord.gg/?v=10&encoding=json")]
    [InlineData("wss://gateway.discord.gg/", "wss://gateway.discord.gg/?v=10&encoding=json")]
    [InlineData("wss://gateway-us-east1-b.discord.gg?v=6&encoding=etf&compress=zlib-stream", "wss://gateway-us-east1-b.discord.gg/?v=10&encoding=json")]
    [InlineData("ws://127.0.0.1:8080/gateway?token_hint=a", "ws://127.0.0.1:8080/gateway?token_hint=a&v=10&encoding=json")]
    public void The_query_has_version_10_and_json_encoding_and_keeps_other_parameters(string url, string expected) =>
        Assert.Equal(new Uri(expected), GatewayUrlProvider.WithQuery(new Uri(url)));
}
