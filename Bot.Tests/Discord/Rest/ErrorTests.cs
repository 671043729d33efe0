using CrossCoaching.Discord;
using CrossCoaching.Tests.Discord.Rest.Support;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Tests.Discord.Rest;

/// <summary>Refusals decoded into typed exceptions, and secrets kept out of logs and messages.</summary>
public sealed class ErrorTests : IDisposable
{
    private static readonly Snowflake Guild = new(1);
    private static readonly NewChannel Room = new("room", ChannelType.GuildVoice);
    private readonly RestHarness _rest = new();

    public void Dispose() => _rest.Dispose();

    [Fact]
    public async Task Missing_permissions_is_typed_and_not_retried()
    {
        _rest.Discord.On("POST", "guilds/1/channels", _ => Reply.Error(403, 50013, "Missing Permissions"));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _rest.Client.CreateChannelAsync(Guild, Room));

        Assert.Equal((403, 50013, "Missing Permissions"), (error.Status, error.Code, error.DiscordMessage));
        Assert.True(error.Is(DiscordErrorCode.MissingPermissions));
        Assert.Equal("POST /guilds/{guild}/channels", error.Route);
        Assert.Equal(1, _rest.Discord.Count);
        Assert.Equal(0, _rest.Clock.TimersCreated);
    }

    [Fact]
    public async Task An_unknown_channel_is_typed()
    {
        _rest.Discord.On("DELETE", "channels/9", _ => Reply.Error(404, 10003, "Unknown Channel"));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _rest.Client.DeleteChannelAsync(new Snowflake(9)));

        Assert.Equal(404, error.Status);
        Assert.True(error.Is(DiscordErrorCode.UnknownChannel));
        Assert.Equal(1, _rest.Discord.Count);
    }

    [Theory]
    [InlineData(404, DiscordErrorCode.UnknownInteraction)]
    [InlineData(400, DiscordErrorCode.AlreadyAcknowledged)]
    public async Task Expired_and_already_acknowledged_interactions_are_typed(int status, int code)
    {
        var token = RestHarness.InteractionToken;
        _rest.Discord.On("POST", $"interactions/7/{token}/callback", _ => Reply.Error(status, code));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            _rest.Client.CreateInteractionResponseAsync(new Snowflake(7), token, InteractionCallback.Defer(true)));

        Assert.True(error.Is(code));
        Assert.Equal("POST /interactions/{id}/{token}/callback", error.Route);
        Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_token_is_logged_as_one_clear_error()
    {
        _rest.Discord.On("GET", "users/@me", _ => Reply.Error(401, 0, "401: Unauthorized"));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _rest.Client.GetCurrentUserAsync());

        Assert.Equal(401, error.Status);
        var line = Assert.Single(_rest.Logs.Entries, l => l.Level >= LogLevel.Error);
        Assert.Contains("rejected the bot token", line.Message, StringComparison.Ordinal);
        Assert.Equal(1, _rest.Discord.Count);
    }

    [Fact]
    public async Task Invalid_form_body_names_the_fields_at_fault()
    {
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.Json(
            """
            {"code":50035,"message":"Invalid Form Body","errors":{"content":{"_errors":[
              {"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]}}}
            """,
            400));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() =>
            _rest.Client.CreateMessageAsync(new Snowflake(5), MessageSpec.Text(new string('x', 2001))));

        Assert.True(error.Is(DiscordErrorCode.InvalidFormBody));
        Assert.Equal("Invalid Form Body (content: Must be 2000 or fewer in length.)", error.DiscordMessage);
        Assert.Equal([new DiscordFieldError("content", "BASE_TYPE_MAX_LENGTH")], error.FieldErrors);
    }

    [Fact]
    public async Task A_category_that_no_longer_exists_is_told_apart_from_other_form_errors()
    {
        _rest.Discord.On("POST", "guilds/1/channels", _ => Reply.Json(
            """
            {"code":50035,"message":"Invalid Form Body","errors":{
              "permission_overwrites":{"1":{"id":{"_errors":[{"code":"UNKNOWN_MEMBER","message":"Unknown member."}]}}},
              "parent_id":{"_errors":[{"code":"CHANNEL_PARENT_INVALID","message":"Category does not exist"}]}}}
            """,
            400));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _rest.Client.CreateChannelAsync(Guild, Room with { ParentId = new Snowflake(8) }));

        Assert.Equal(
            [new DiscordFieldError("permission_overwrites.1.id", "UNKNOWN_MEMBER"), new DiscordFieldError("parent_id", "CHANNEL_PARENT_INVALID")],
            error.FieldErrors);
        Assert.True(error.HasFieldError("parent_id", "CHANNEL_PARENT_INVALID"));
        Assert.False(error.HasFieldError("parent_id", "CHANNEL_PARENT_MAX_CHANNELS"));
    }

    [Fact]
    public async Task A_proxy_error_page_is_not_copied_into_the_exception()
    {
        _rest.Discord.On("GET", "users/@me", _ => Reply.ServerError(403));

        var error = await Assert.ThrowsAsync<DiscordApiException>(() => _rest.Client.GetCurrentUserAsync());

        Assert.Equal((403, null, "HTTP 403"), (error.Status, error.Code, error.DiscordMessage));
    }

    [Fact]
    public async Task Neither_logs_nor_exceptions_show_the_bot_token_or_an_interaction_token()
    {
        var token = RestHarness.InteractionToken;
        _rest.Discord.On("GET", "users/@me", _ => Reply.Error(401, 0, "401: Unauthorized"));
        _rest.Discord.On("PATCH", $"webhooks/100/{token}/messages/@original", _ => Reply.ServerError(503), times: 3);
        _rest.Discord.On("POST", $"webhooks/100/{token}", Reply.Timeout);
        _rest.Discord.On("POST", $"interactions/7/{token}/callback", _ => Reply.RateLimited(0.2));
        _rest.Discord.On("POST", $"interactions/7/{token}/callback", _ => Reply.Error(400, 40060, "Interaction has already been acknowledged."));
        var errors = new List<Exception>();

        errors.Add(await Assert.ThrowsAsync<DiscordApiException>(() => _rest.Client.GetCurrentUserAsync()));
        var edit = _rest.Client.EditOriginalResponseAsync(new Snowflake(100), token, MessageSpec.Text("x"));
        await _rest.Clock.WaitForPendingAsync(1);
        _rest.Clock.Advance(TimeSpan.FromSeconds(1));
        await _rest.Clock.WaitForPendingAsync(1);
        _rest.Clock.Advance(TimeSpan.FromSeconds(2));
        errors.Add(await Assert.ThrowsAsync<DiscordApiException>(() => edit));
        errors.Add(await Assert.ThrowsAsync<DiscordUnavailableException>(() =>
            _rest.Client.CreateFollowupAsync(new Snowflake(100), token, MessageSpec.Text("x"), false)));
        var callback = _rest.Client.CreateInteractionResponseAsync(new Snowflake(7), token, InteractionCallback.Pong());
        await _rest.Clock.WaitForPendingAsync(1);
        _rest.Clock.Advance(TimeSpan.FromSeconds(1));
        errors.Add(await Assert.ThrowsAsync<DiscordApiException>(() => callback));

        Assert.NotEmpty(_rest.Logs.Lines);
        foreach (var text in _rest.Logs.Entries.Select(l => l.Message).Concat(errors.Select(e => e.ToString())))
        {
            Assert.DoesNotContain(RestHarness.Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
            Assert.DoesNotContain("token-secret", text, StringComparison.Ordinal);
        }
    }
}
