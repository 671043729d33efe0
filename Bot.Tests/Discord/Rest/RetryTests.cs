using CrossCoaching.Discord;
using CrossCoaching.Tests.Discord.Rest.Support;

namespace CrossCoaching.Tests.Discord.Rest;

/// <summary>5xx answers and lost answers: what is tried again, after which backoff, and what surfaces.</summary>
public sealed class RetryTests : IDisposable
{
    private static readonly Snowflake Guild = new(1);
    private static readonly NewChannel Room = new("room", ChannelType.GuildVoice);
    private readonly RestHarness _rest = new();

    public void Dispose() => _rest.Dispose();

    private const string ChannelJson = """{"id":"9","type":2,"guild_id":"1"}""";
    private const string UserJson = """{"id":"1","username":"bot"}""";

    /// <summary>Waits for the client's backoff timer, checks it is within the jitter, and runs the clock through it.</summary>
    private async Task AdvanceThroughBackoffAsync(double seconds, int sentBefore)
    {
        await _rest.Clock.WaitForPendingAsync(1);
        var due = _rest.Clock.LastDue;
        Assert.InRange(due.TotalSeconds, seconds * 0.8, seconds * 1.2);
        await _rest.AdvanceThroughWaitAsync(due, sentBefore);
    }

    [Fact]
    public async Task A_500_is_retried_after_a_backoff_even_on_a_post_and_the_success_returned()
    {
        _rest.Discord.On("POST", "guilds/1/channels", _ => Reply.ServerError(500));
        _rest.Discord.On("POST", "guilds/1/channels", _ => Reply.Json(ChannelJson, 201));

        var creating = _rest.Client.CreateChannelAsync(Guild, new NewChannel("overflow", ChannelType.GuildCategory));
        await AdvanceThroughBackoffAsync(0.5, sentBefore: 1);

        Assert.Equal(new Snowflake(9), (await creating).Id);
        Assert.Equal(2, _rest.Discord.Count);
    }

    [Fact]
    public async Task A_5xx_creating_a_room_is_not_sent_again_since_Discord_may_have_made_the_room_before_the_proxy_answered()
    {
        _rest.Discord.On("POST", "guilds/1/channels", _ => Reply.ServerError(502));
        _rest.Discord.On("POST", "guilds/1/channels", _ => Reply.Json(ChannelJson, 201));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _rest.Client.CreateChannelAsync(Guild, Room));

        Assert.Equal(502, error.Status);
        Assert.Equal(1, _rest.Discord.Count);
        Assert.Equal(0, _rest.Clock.TimersCreated);
    }

    [Fact]
    public async Task Three_502s_in_a_row_surface_as_a_502_after_three_attempts()
    {
        _rest.Discord.On("GET", "users/@me", _ => Reply.ServerError(502), times: 3);

        var user = _rest.Client.GetCurrentUserAsync();
        await AdvanceThroughBackoffAsync(0.5, sentBefore: 1);
        await AdvanceThroughBackoffAsync(1, sentBefore: 2);

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => user);
        Assert.Equal(502, error.Status);
        Assert.Null(error.Code);
        Assert.Equal("GET /users/@me", error.Route);
        Assert.Equal(3, _rest.Discord.Count);
    }

    [Fact]
    public async Task A_timeout_creating_a_channel_is_not_retried_and_surfaces_as_unavailable()
    {
        _rest.Discord.On("POST", "guilds/1/channels", Reply.Timeout);

        var error = await Assert.ThrowsAsync<DiscordUnavailableException>(() => _rest.Client.CreateChannelAsync(Guild, Room));

        Assert.True(error.MayHaveBeenProcessed);
        Assert.Equal("POST /guilds/{guild}/channels", error.Route);
        Assert.Equal(1, _rest.Discord.Count);
        Assert.Equal(0, _rest.Clock.TimersCreated);
    }

    [Fact]
    public async Task A_timeout_on_an_interaction_callback_is_never_retried()
    {
        var token = RestHarness.InteractionToken;
        _rest.Discord.On("POST", $"interactions/7/{token}/callback", Reply.Timeout);

        await Assert.ThrowsAsync<DiscordUnavailableException>(() =>
            _rest.Client.CreateInteractionResponseAsync(new Snowflake(7), token, InteractionCallback.Defer(true)));

        Assert.Equal(1, _rest.Discord.Count);
    }

    [Fact]
    public async Task A_timeout_on_a_get_is_retried()
    {
        _rest.Discord.On("GET", "users/@me", Reply.Timeout);
        _rest.Discord.On("GET", "users/@me", _ => Reply.Json(UserJson));

        var user = _rest.Client.GetCurrentUserAsync();
        await AdvanceThroughBackoffAsync(0.5, sentBefore: 1);

        Assert.Equal("bot", (await user).Username);
    }

    [Fact]
    public async Task A_get_that_never_gets_an_answer_surfaces_as_unavailable_after_three_attempts()
    {
        _rest.Discord.On("GET", "users/@me", Reply.ConnectionRefused, times: 3);

        var user = _rest.Client.GetCurrentUserAsync();
        await AdvanceThroughBackoffAsync(0.5, sentBefore: 1);
        await AdvanceThroughBackoffAsync(1, sentBefore: 2);

        var error = await Assert.ThrowsAsync<DiscordUnavailableException>(() => user);
        Assert.False(error.MayHaveBeenProcessed);
        Assert.Equal(3, _rest.Discord.Count);
    }

    [Fact]
    public async Task A_refused_connection_on_a_post_is_retried_because_nothing_reached_discord()
    {
        _rest.Discord.On("POST", "guilds/1/channels", Reply.ConnectionRefused);
        _rest.Discord.On("POST", "guilds/1/channels", _ => Reply.Json(ChannelJson, 201));

        var creating = _rest.Client.CreateChannelAsync(Guild, Room);
        await AdvanceThroughBackoffAsync(0.5, sentBefore: 1);

        Assert.Equal(new Snowflake(9), (await creating).Id);
    }

    [Fact]
    public async Task Opening_a_dm_is_retried_after_a_timeout_because_discord_returns_the_existing_one()
    {
        _rest.Discord.On("POST", "users/@me/channels", Reply.Timeout);
        _rest.Discord.On("POST", "users/@me/channels", _ => Reply.Json("""{"id":"77","type":1}"""));

        var dm = _rest.Client.CreateDmAsync(new Snowflake(4));
        await AdvanceThroughBackoffAsync(0.5, sentBefore: 1);

        Assert.Equal(new Snowflake(77), (await dm).Id);
    }
}
