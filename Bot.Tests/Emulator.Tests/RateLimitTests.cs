using System.Globalization;
using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.EmulatorTests;

public sealed class RateLimitTests
{
    private static JsonObject Room(string name) => new() { ["name"] = name, ["type"] = 2 };

    [Fact]
    public async Task Every_answer_carries_rate_limit_headers_and_the_sixth_channel_in_the_window_is_refused()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        var other = emulator.AddGuild("h", emulator.AddUser("owner2"));
        using var rest = new RawRest(emulator);

        var answers = new List<RawRest.Answer>();
        for (var i = 0; i < 6; i++)
            answers.Add(await rest.PostAsync($"/guilds/{guild.Id}/channels", Room($"room-{i}")));
        var otherGuild = await rest.PostAsync($"/guilds/{other.Id}/channels", Room("elsewhere"));

        Assert.All(answers.Take(5), a => Assert.Equal(201, a.Status));
        Assert.Equal(["4", "3", "2", "1", "0"], answers.Take(5).Select(a => a.Header("X-RateLimit-Remaining")));
        Assert.All(answers, a => Assert.Equal("5", a.Header("X-RateLimit-Limit")));
        var resetAfter = double.Parse(answers[0].Header("X-RateLimit-Reset-After")!, CultureInfo.InvariantCulture);
        Assert.InRange(resetAfter, 9, 10);
        Assert.NotNull(answers[0].Header("X-RateLimit-Reset"));
        var limited = answers[5];
        Assert.Equal(429, limited.Status);
        Assert.Equal("user", limited.Header("X-RateLimit-Scope"));
        Assert.NotNull(limited.Header("Retry-After"));
        Assert.InRange(limited.Body!["retry_after"]!.GetValue<double>(), 8, 10);
        Assert.False(limited.Body!["global"]!.GetValue<bool>());
        Assert.Equal(201, otherGuild.Status);
        Assert.Equal(answers[0].Header("X-RateLimit-Bucket"), otherGuild.Header("X-RateLimit-Bucket"));
        Assert.Equal(5, emulator.ChannelsCreatedByBot.Count(c => c.GuildId == guild.Id));
        Assert.Equal((1, 1), (emulator.RateLimitedCount, emulator.EarlyRetryCount));
    }

    [Fact]
    public async Task A_changed_limit_and_window_apply()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { Time = clock });
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        emulator.SetRateLimit("POST /guilds/{guild_id}/channels", 1, TimeSpan.FromMilliseconds(200));
        using var rest = new RawRest(emulator);

        var first = await rest.PostAsync($"/guilds/{guild.Id}/channels", Room("a"));
        var second = await rest.PostAsync($"/guilds/{guild.Id}/channels", Room("b"));
        clock.Advance(TimeSpan.FromMilliseconds(200));
        var third = await rest.PostAsync($"/guilds/{guild.Id}/channels", Room("c"));

        Assert.Equal([201, 429, 201], new[] { first.Status, second.Status, third.Status });
        Assert.Throws<ArgumentException>(() => emulator.SetRateLimit("POST /guilds/{id}/channels", 1, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task A_scripted_global_limit_refuses_until_retry_after_but_spares_interaction_callbacks()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { Time = clock });
        var world = await TestWorld.ConnectedAsync(emulator);
        using var rest = new RawRest(emulator);
        var interaction = await emulator.SendCommandAsync(world.Guild, world.Text, world.Alice, "ping");

        emulator.ScriptGlobalRateLimit(TimeSpan.FromMilliseconds(300));
        var callback = await rest.PostAsync($"/interactions/{interaction.Id}/{interaction.Token}/callback", new JsonObject { ["type"] = 5 });
        var limited = await rest.GetAsync("/users/@me");
        var early = await rest.GetAsync("/users/@me");
        clock.Advance(TimeSpan.FromMilliseconds(300));
        var later = await rest.GetAsync("/users/@me");

        Assert.Equal(204, callback.Status);
        Assert.Equal(429, limited.Status);
        Assert.Equal("true", limited.Header("X-RateLimit-Global"));
        Assert.Equal("global", limited.Header("X-RateLimit-Scope"));
        Assert.True(limited.Body!["global"]!.GetValue<bool>());
        Assert.Equal(0.3, limited.Body!["retry_after"]!.GetValue<double>(), 3);
        Assert.Equal(429, early.Status);
        Assert.Equal(200, later.Status);
        Assert.Equal((2, 1), (emulator.GlobalRateLimitedCount, emulator.EarlyRetryCount));
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task The_global_limit_allows_fifty_requests_a_second()
    {
        var frozen = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { Time = frozen, DefaultRateLimit = new RateLimitRule(1000, TimeSpan.FromSeconds(1)) });
        using var rest = new RawRest(emulator);

        var statuses = new List<int>();
        for (var i = 0; i < 51; i++)
            statuses.Add((await rest.GetAsync("/gateway/bot")).Status);

        Assert.Equal(50, statuses.Count(s => s == 200));
        Assert.Equal(429, statuses[^1]);
    }

    [Fact]
    public async Task Scripted_route_limits_and_failures_answer_then_stop()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { Time = clock });
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        emulator.ScriptFailure("POST", "/guilds/{guild_id}/channels", 500);
        emulator.ScriptFailure("GET", "/users/@me", 502, times: 2);
        emulator.ScriptRateLimit("DELETE", "/channels/{channel_id}", TimeSpan.FromMilliseconds(120));
        using var rest = new RawRest(emulator);

        var failed = await rest.PostAsync($"/guilds/{guild.Id}/channels", Room("a"));
        var created = await rest.PostAsync($"/guilds/{guild.Id}/channels", Room("a"));
        var gateway1 = await rest.GetAsync("/users/@me");
        var gateway2 = await rest.GetAsync("/users/@me");
        var gateway3 = await rest.GetAsync("/users/@me");
        var channel = created.Body!["id"]!.GetValue<string>();
        var limited = await rest.DeleteAsync($"/channels/{channel}");
        var early = await rest.DeleteAsync($"/channels/{channel}");
        clock.Advance(TimeSpan.FromMilliseconds(120));
        var deleted = await rest.DeleteAsync($"/channels/{channel}");

        Assert.Equal((500, 0), (failed.Status, failed.Code!.Value));
        Assert.Equal(201, created.Status);
        Assert.Equal([502, 502, 200], new[] { gateway1.Status, gateway2.Status, gateway3.Status });
        Assert.Null(gateway1.Body);
        Assert.Equal(429, limited.Status);
        Assert.Equal(429, early.Status);
        Assert.Equal(200, deleted.Status);
        Assert.Equal(1, emulator.EarlyRetryCount);
        Assert.Single(emulator.ChannelsCreatedByBot);
    }

    [Fact]
    public async Task A_scripted_Discord_error_can_last_forever()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        emulator.SetRateLimit("POST /guilds/{guild_id}/channels", 100, TimeSpan.FromSeconds(1));
        emulator.ScriptFailure("POST", "/guilds/{guild_id}/channels", 403, 50013, DiscordEmulator.Forever);
        using var rest = new RawRest(emulator);

        var answers = new List<RawRest.Answer>();
        for (var i = 0; i < 3; i++)
            answers.Add(await rest.PostAsync($"/guilds/{guild.Id}/channels", Room("a")));

        Assert.All(answers, a => Assert.Equal((403, 50013), (a.Status, a.Code!.Value)));
        Assert.Equal(3, emulator.RequestsTo("POST /guilds/{guild_id}/channels").Count(r => r.Code == 50013));
    }
}
