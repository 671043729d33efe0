using System.Text.Json.Nodes;
using CrossCoaching.Discord.Rest;
using CrossCoaching.Discord;
using CrossCoaching.Tests.Fakes;

namespace CrossCoaching.Tests.Discord.Rest.Support;

/// <summary>A REST client wired to the stub Discord and the test clock, with its log lines kept.</summary>
internal sealed class RestHarness : IDisposable
{
    public const string Token = "MTIz.bot-token.secret";
    public const string InteractionToken = "aW50ZXJhY3Rpb24.token-secret";
    public static readonly Uri BaseUri = new("https://discord.test/api/v10/");

    private readonly DiscordRestClient _client;

    public RestHarness(DiscordMetrics? metrics = null)
    {
        Discord = new StubHttpHandler(BaseUri);
        _client = DiscordRestClient.Create(
            new DiscordOptions { Token = Token, ApiBaseUrl = "https://discord.test/api/v10" }, Clock, Discord, Logs, metrics);
        Client = new TimeBoxedApi(_client);
    }

    public TestClock Clock { get; } = new();

    public StubHttpHandler Discord { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>The client under test; each call fails after a few real seconds rather than hang.</summary>
    public IDiscordApi Client { get; }

    /// <summary>
    /// Moves the clock to 1 ms before a wait the client is in ends, checks that nothing more was sent, then to its end.
    /// Call it only once the client waits (<see cref="TestClock.WaitForPendingAsync"/>).
    /// </summary>
    public async Task AdvanceThroughWaitAsync(TimeSpan wait, int sentBefore)
    {
        Clock.Advance(wait - TimeSpan.FromMilliseconds(1));
        await Eventually.Settle();
        Assert.Equal(sentBefore, Discord.Count);
        Clock.Advance(TimeSpan.FromMilliseconds(1));
    }

    public void Dispose()
    {
        var unexpected = Discord.Unexpected;
        _client.Dispose();
        Assert.True(unexpected.Count == 0, "Unexpected requests: " + string.Join(", ", unexpected));
    }
}

internal static class JsonAssert
{
    /// <summary>Structural equality: same keys, same values, same order in arrays; no extra fields.</summary>
    public static void Equal(string expected, JsonNode actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actual),
            $"JSON differs.\nExpected: {expectedNode?.ToJsonString()}\nActual:   {actual.ToJsonString()}");
    }
}
