using CrossCoaching.Discord;
using CrossCoaching.Discord.Rest;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.Discord.Rest;

/// <summary>The REST client's pacing against the emulator, which enforces Discord's 50 requests per second.</summary>
public sealed class GlobalLimitEmulatorTests
{
    [Fact]
    public async Task A_burst_of_120_requests_on_120_buckets_draws_no_global_429()
    {
        // Route limits out of the way: only the global limit can refuse.
        await using var discord = await DiscordEmulator.StartAsync(new EmulatorOptions { DefaultRateLimit = new RateLimitRule(1000, TimeSpan.FromSeconds(1)) });
        var owner = discord.AddUser("owner");
        var guilds = Enumerable.Range(0, 120).Select(i => discord.AddGuild($"g{i}", owner.Id)).ToList();
        using var api = DiscordRestClient.Create(new DiscordOptions { Token = discord.Token, ApiBaseUrl = discord.ApiBaseUrl }, TimeProvider.System);

        await Task.WhenAll(guilds.Select(g => api.GetGuildMemberAsync(g.Id, owner.Id))).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, discord.GlobalRateLimitedCount);
        Assert.Equal(0, discord.InvalidRequestCount);
        Assert.Equal(120, discord.RequestsTo("GET /guilds/{guild_id}/members/{user_id}").Count);
    }
}
