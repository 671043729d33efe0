using System.Text.RegularExpressions;
using CrossCoaching.Discord;
using CrossCoaching.Tests.Discord.Rest.Support;

namespace CrossCoaching.Tests.Discord.Rest;

public sealed class RestHeadersTests : IDisposable
{
    private static readonly Snowflake App = new(100);
    private readonly RestHarness _rest = new();

    public void Dispose() => _rest.Dispose();

    [Fact]
    public async Task Bot_routes_carry_the_bot_token_and_Discords_user_agent()
    {
        _rest.Discord.On("GET", "users/@me", _ => Reply.Json("""{"id":"42","username":"coach"}"""));

        await _rest.Client.GetCurrentUserAsync();

        var request = _rest.Discord.Last();
        Assert.Equal(new Uri("https://discord.test/api/v10/users/@me"), request.Uri);
        Assert.Equal($"Bot {RestHarness.Token}", request.Header("Authorization"));
        Assert.Matches(new Regex(@"^DiscordBot \(https?://[^,]+, [0-9][^)]*\)$"), request.Header("User-Agent"));
    }

    [Fact]
    public async Task Interaction_routes_carry_no_authorization_header()
    {
        var token = RestHarness.InteractionToken;
        _rest.Discord.On("POST", $"interactions/7/{token}/callback", _ => Reply.NoContent());
        _rest.Discord.On("PATCH", $"webhooks/100/{token}/messages/@original", _ => Reply.Message());
        _rest.Discord.On("POST", $"webhooks/100/{token}", _ => Reply.Message());
        _rest.Discord.On("DELETE", $"webhooks/100/{token}/messages/@original", _ => Reply.NoContent());

        await _rest.Client.CreateInteractionResponseAsync(new Snowflake(7), token, InteractionCallback.Defer(ephemeral: true));
        await _rest.Client.EditOriginalResponseAsync(App, token, MessageSpec.Text("done"));
        await _rest.Client.CreateFollowupAsync(App, token, MessageSpec.Text("more"), ephemeral: false);
        await _rest.Client.DeleteOriginalResponseAsync(App, token);

        Assert.Equal(4, _rest.Discord.Count);
        Assert.All(_rest.Discord.Requests, r => Assert.Null(r.Header("Authorization")));
        Assert.All(_rest.Discord.Requests, r => Assert.StartsWith("DiscordBot (", r.Header("User-Agent")));
    }

    [Fact]
    public async Task The_audit_log_reason_is_url_encoded_on_channel_creation_and_deletion()
    {
        const string reason = "Séance de coaching – Zoë & Bob / 100%";
        _rest.Discord.On("POST", "guilds/1/channels", _ => Reply.Json("""{"id":"9","type":2,"guild_id":"1"}""", 201));
        _rest.Discord.On("DELETE", "channels/9", _ => Reply.Json("""{"id":"9","type":2}"""));

        await _rest.Client.CreateChannelAsync(new Snowflake(1), new NewChannel("room", ChannelType.GuildVoice), reason);
        await _rest.Client.DeleteChannelAsync(new Snowflake(9), reason);

        Assert.All(_rest.Discord.Requests, r =>
        {
            var header = r.Header("X-Audit-Log-Reason");
            Assert.Equal("S%C3%A9ance%20de%20coaching%20%E2%80%93%20Zo%C3%AB%20%26%20Bob%20%2F%20100%25", header);
            Assert.Equal(reason, Uri.UnescapeDataString(header!));
        });
    }

    [Fact]
    public async Task No_audit_log_reason_is_sent_without_one()
    {
        _rest.Discord.On("DELETE", "channels/9", _ => Reply.Json("""{"id":"9","type":2}"""));

        await _rest.Client.DeleteChannelAsync(new Snowflake(9));

        Assert.Null(_rest.Discord.Last().Header("X-Audit-Log-Reason"));
    }

    [Fact]
    public async Task Json_bodies_are_sent_as_application_json()
    {
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.Message());

        await _rest.Client.CreateMessageAsync(new Snowflake(5), MessageSpec.Text("hi"));

        Assert.Equal("application/json", _rest.Discord.Last().ContentType);
    }

    [Fact]
    public async Task Requests_without_a_body_send_no_content_type()
    {
        _rest.Discord.On("GET", "gateway/bot", _ => Reply.Json(GatewayJson));

        await _rest.Client.GetGatewayBotAsync();

        Assert.Null(_rest.Discord.Last().ContentType);
        Assert.Empty(_rest.Discord.Last().Body);
    }

    private const string GatewayJson =
        """{"url":"wss://gateway.discord.gg","shards":1,"session_start_limit":{"total":1000,"remaining":999,"reset_after":0,"max_concurrency":1}}""";
}
