using CrossCoaching.Discord;
using CrossCoaching.Discord.Rest;
using CrossCoaching.Hosting;
using CrossCoaching.Tests.Discord.Rest.Support;
using CrossCoaching.Tests.Emulator;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCoaching.Tests.Discord.Rest;

/// <summary>Invalid requests (401, 403, 429) stay far below Discord's ban threshold of 10,000 in 10 minutes.</summary>
public sealed class InvalidRequestTests : IDisposable
{
    private readonly RestHarness _rest = new();

    public void Dispose() => _rest.Dispose();

    [Fact]
    public async Task After_a_401_the_rejected_token_is_never_sent_again()
    {
        _rest.Discord.On("GET", "users/@me", _ => Reply.Error(401, 0, "401: Unauthorized"));

        for (var call = 0; call < 3; call++)
            Assert.Equal(401, (await Assert.ThrowsAsync<DiscordApiException>(() => _rest.Client.GetCurrentUserAsync())).Status);
        await Assert.ThrowsAsync<DiscordApiException>(() => _rest.Client.GetGuildMemberAsync(new Snowflake(1), new Snowflake(2)));

        Assert.Equal(1, _rest.Discord.Count);
    }

    [Fact]
    public async Task A_bot_with_a_wrong_token_draws_one_invalid_request_however_often_it_calls()
    {
        await using var discord = await DiscordEmulator.StartAsync();
        using var api = DiscordRestClient.Create(new DiscordOptions { Token = "not-the-token", ApiBaseUrl = discord.ApiBaseUrl }, TimeProvider.System);

        for (var call = 0; call < 200; call++)
            await Assert.ThrowsAsync<DiscordApiException>(() => api.GetCurrentUserAsync());

        Assert.Equal(1, discord.InvalidRequestCount);
    }

    [Fact]
    public void A_rejected_token_stops_the_bot_with_a_failure()
    {
        using var folder = new TempFolder();
        using var host = TestHostBuilder.Create(new Dictionary<string, string?>
        {
            ["DISCORD_TOKEN"] = "t",
            ["ConnectionStrings:CrossCoaching"] = $"Data Source={folder.File("bot.db")}",
        }).Build();

        host.Services.GetRequiredService<TokenRejection>().Reject();

        Assert.Equal(1, host.Services.GetRequiredService<BotExit>().Code);
    }
}
