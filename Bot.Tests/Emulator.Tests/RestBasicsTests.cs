using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EmulatorTests;

public sealed class RestBasicsTests
{
    [Fact]
    public async Task A_request_without_the_bot_authorization_is_refused_with_401()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        using var anonymous = new RawRest(emulator, authorized: false);
        using var rest = new RawRest(emulator);

        var refused = await anonymous.GetAsync("/users/@me");
        var wrongScheme = await rest.SendAsync(HttpMethod.Get, "/users/@me", null,
            r => r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Token));
        var accepted = await rest.GetAsync("/users/@me");

        Assert.Equal(401, refused.Status);
        Assert.Equal(0, refused.Code);
        Assert.Equal("401: Unauthorized", refused.Body?["message"]?.GetValue<string>());
        Assert.Equal(401, wrongScheme.Status);
        Assert.Equal(200, accepted.Status);
        Assert.Equal(emulator.BotUserId.ToString(), accepted.Body?["id"]?.GetValue<string>());
        Assert.True(accepted.Body?["bot"]?.GetValue<bool>());
        Assert.All(emulator.Requests, r => Assert.False(r.Headers.ContainsKey("Authorization")));
        Assert.Equal([false, false, true], emulator.Requests.Select(r => r.HadBotAuth));
    }

    [Fact]
    public async Task Interaction_callbacks_need_no_authorization()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var world = await TestWorld.ConnectedAsync(emulator);
        var interaction = await emulator.SendCommandAsync(world.Guild, world.Text, world.Alice, "ping");
        using var anonymous = new RawRest(emulator, authorized: false);

        var answer = await anonymous.PostAsync($"/interactions/{interaction.Id}/{interaction.Token}/callback", new JsonObject
        {
            ["type"] = 4,
            ["data"] = new JsonObject { ["content"] = "pong" },
        });

        Assert.Equal(204, answer.Status);
        Assert.Equal("pong", (await interaction.WaitForCallbackAsync()).Content);
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task A_missing_User_Agent_is_refused_unless_the_check_is_off()
    {
        await using var strict = await DiscordEmulator.StartAsync();
        await using var lenient = await DiscordEmulator.StartAsync(new EmulatorOptions { UserAgentRequired = false });
        using var strictRest = new RawRest(strict);
        using var lenientRest = new RawRest(lenient);

        var refused = await strictRest.SendAsync(HttpMethod.Get, "/users/@me", null, r => r.Headers.UserAgent.Clear());
        var accepted = await lenientRest.SendAsync(HttpMethod.Get, "/users/@me", null, r => r.Headers.UserAgent.Clear());

        Assert.Equal(403, refused.Status);
        Assert.Contains("User-Agent", refused.Body?["message"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(200, accepted.Status);
    }

    [Fact]
    public async Task Unknown_routes_answer_Discords_404_and_bodies_must_be_JSON()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        using var rest = new RawRest(emulator);

        var unknown = await rest.GetAsync("/guilds/1/nothing-here");
        var form = await rest.SendAsync(HttpMethod.Post, $"/guilds/{guild.Id}/channels", null,
            r => r.Content = new StringContent("name=room", Encoding.UTF8, "application/x-www-form-urlencoded"));
        var broken = await rest.SendAsync(HttpMethod.Post, $"/guilds/{guild.Id}/channels", null,
            r => r.Content = new StringContent("{\"name\":", Encoding.UTF8, "application/json"));

        Assert.Equal((404, 0), (unknown.Status, unknown.Code!.Value));
        Assert.Equal("404: Not Found", unknown.Body?["message"]?.GetValue<string>());
        Assert.Equal((400, 50035), (form.Status, form.Code!.Value));
        Assert.Equal("CONTENT_TYPE_INVALID", form.Body?["errors"]?["_errors"]?[0]?["code"]?.GetValue<string>());
        Assert.Equal((400, 50109), (broken.Status, broken.Code!.Value));
        Assert.Empty(emulator.InternalErrors);
    }

    [Fact]
    public async Task Gateway_bot_gives_the_gateway_url_and_the_session_start_limit()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        using var rest = new RawRest(emulator);

        var answer = await rest.GetAsync("/gateway/bot");

        Assert.Equal(emulator.GatewayUrl, answer.Body?["url"]?.GetValue<string>());
        Assert.Equal(1, answer.Body?["session_start_limit"]?["max_concurrency"]?.GetValue<int>());
        Assert.Equal(1000, answer.Body?["session_start_limit"]?["remaining"]?.GetValue<int>());
        Assert.NotEqual(emulator.GatewayUrl, emulator.ResumeGatewayUrl);
    }
}
