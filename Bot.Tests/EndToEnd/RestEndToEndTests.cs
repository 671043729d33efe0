using System.Diagnostics;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Rest;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>The REST client against the emulated Discord's rate limits and failures.</summary>
public sealed class RestEndToEndTests : IAsyncLifetime
{
    private DiscordEmulator _discord = null!;
    private DiscordRestClient _api = null!;
    private EmulatedChannel _channel = null!;
    private EmulatedChannel _other = null!;

    public async Task InitializeAsync()
    {
        _discord = await DiscordEmulator.StartAsync();
        var owner = _discord.AddUser("owner");
        var guild = _discord.AddGuild("Guild", owner);
        _channel = _discord.AddTextChannel(guild, "general");
        _other = _discord.AddTextChannel(guild, "other");
        _api = DiscordRestClient.Create(new DiscordOptions { Token = _discord.Token, ApiBaseUrl = _discord.ApiBaseUrl }, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _discord.DisposeAsync();
    }

    private Task<Message> SayAsync(EmulatedChannel channel, string text = "hello") => _api.CreateMessageAsync(channel.Id, MessageSpec.Text(text));

    [Fact]
    public async Task A_429_is_honoured_no_request_on_that_bucket_before_retry_after()
    {
        _discord.ScriptRateLimit("POST", "/channels/{channel_id}/messages", TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        await SayAsync(_channel);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"retried after {clock.Elapsed}");
        Assert.Equal(0, _discord.EarlyRetryCount);
        Assert.Equal(1, _discord.RateLimitedCount);
        Assert.Single(_discord.MessagesIn(_channel.Id));
    }

    [Fact]
    public async Task A_global_429_pauses_every_bucket()
    {
        _discord.ScriptGlobalRateLimit(TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        await SayAsync(_channel);
        await Task.WhenAll(SayAsync(_other), _api.GetCurrentUserAsync());

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"took {clock.Elapsed}");
        Assert.Equal(0, _discord.EarlyRetryCount);
        Assert.Equal(1, _discord.GlobalRateLimitedCount);
    }

    [Fact]
    public async Task A_500_is_retried_and_succeeds()
    {
        _discord.ScriptFailure("POST", "/channels/{channel_id}/messages", 500);

        await SayAsync(_channel);

        Assert.Equal([500, 200], _discord.RequestsTo("POST /channels/{channel_id}/messages").Select(r => r.Status));
    }

    [Fact]
    public async Task Missing_permissions_surface_as_a_typed_error_and_are_not_retried()
    {
        _discord.ScriptFailure("POST", "/channels/{channel_id}/messages", 403, DiscordErrorCode.MissingPermissions, DiscordEmulator.Forever);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => SayAsync(_channel));

        Assert.Equal((403, DiscordErrorCode.MissingPermissions), (error.Status, error.Code));
        Assert.Single(_discord.RequestsTo("POST /channels/{channel_id}/messages"));
    }

    [Fact]
    public async Task Bucket_headers_keep_a_burst_within_the_limit_without_any_429()
    {
        _discord.SetRateLimit("POST /channels/{channel_id}/messages", 3, TimeSpan.FromSeconds(1));

        await Task.WhenAll(Enumerable.Range(0, 7).Select(i => SayAsync(_channel, $"m{i}")));

        Assert.Equal(7, _discord.MessagesIn(_channel.Id).Count);
        Assert.Equal(0, _discord.RateLimitedCount);
    }
}
