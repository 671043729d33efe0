using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EmulatorTests;

public sealed class MaxConcurrencyTests : IAsyncDisposable
{
    private readonly List<RawGateway> _gateways = [];

    private static readonly EmulatorOptions Sharded = new()
    {
        HeartbeatInterval = TimeSpan.FromSeconds(5),
        IdentifyInterval = TimeSpan.FromSeconds(5),
        Shards = 4,
        MaxConcurrency = 2,
    };

    [Fact]
    public async Task Gateway_bot_reports_the_configured_shards_and_max_concurrency()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Sharded);
        using var rest = new RawRest(emulator);

        var body = (await rest.GetAsync("/gateway/bot")).Body!;

        Assert.Equal(4, body["shards"]!.GetValue<int>());
        Assert.Equal(2, body["session_start_limit"]!["max_concurrency"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_second_identify_in_the_same_bucket_within_five_seconds_gets_an_invalid_session_and_another_bucket_does_not()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Sharded);

        var first = await IdentifyAsync(emulator, shard: 0);
        var sameBucket = await IdentifyAsync(emulator, shard: 2);
        var otherBucket = await IdentifyAsync(emulator, shard: 1);

        Assert.Equal(0, first["op"]!.GetValue<int>());
        Assert.Equal("READY", first["t"]!.GetValue<string>());
        Assert.Equal(9, sameBucket["op"]!.GetValue<int>());
        Assert.False(sameBucket["d"]!.GetValue<bool>());
        Assert.Equal("READY", otherBucket["t"]!.GetValue<string>());
        Assert.Equal(["ready", "invalid-session", "ready"], emulator.Identifies.Select(i => i.Outcome));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var gateway in _gateways)
            await gateway.DisposeAsync();
    }

    private async Task<JsonNode> IdentifyAsync(DiscordEmulator emulator, int shard)
    {
        var gateway = await RawGateway.ConnectAsync(emulator.GatewayUrl);
        _gateways.Add(gateway);
        await gateway.ReceiveAsync();
        var identify = RawGateway.Identify(emulator.Token);
        identify["shard"] = new JsonArray(shard, 4);
        await gateway.SendAsync(2, identify);
        return (await gateway.ReceiveAsync())!;
    }
}
