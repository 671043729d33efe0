using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EmulatorTests;

/// <summary>GUILD_DELETE as Discord sends it for a removal and for an outage, and GUILD_CREATE when the guild is back.</summary>
public sealed class GuildLifecycleTests
{
    private static readonly EmulatorOptions Fast = new() { HeartbeatInterval = TimeSpan.FromSeconds(5), IdentifyInterval = TimeSpan.Zero };

    private static async Task<List<JsonObject>> ReceiveUntilEndAsync(RawGateway gateway)
    {
        var frames = new List<JsonObject>();
        while (frames.LastOrDefault()?["t"]?.GetValue<string>() != "END")
            frames.Add((await gateway.ReceiveAsync())!);
        // The last two before END: the session's first GUILD_CREATE may still be on its way when the test starts.
        return frames[^3..^1];
    }

    [Fact]
    public async Task An_outage_sends_GUILD_DELETE_with_unavailable_and_the_guild_comes_back_with_GUILD_CREATE()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        var (gateway, _) = await RawGateway.IdentifiedAsync(emulator);
        await using var _ = gateway;

        emulator.SetGuildAvailable(guild.Id, false);
        emulator.SetGuildAvailable(guild.Id, true);
        emulator.Dispatch("END", new JsonObject());
        var frames = await ReceiveUntilEndAsync(gateway);

        Assert.Equal(["GUILD_DELETE", "GUILD_CREATE"], frames.Select(f => f["t"]!.GetValue<string>()));
        Assert.True(frames[0]["d"]!["unavailable"]!.GetValue<bool>());
        Assert.Equal(guild.Id.ToString(), frames[1]["d"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_removal_sends_GUILD_DELETE_without_unavailable_and_adding_the_bot_back_sends_GUILD_CREATE()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var owner = emulator.AddUser("owner");
        var guild = emulator.AddGuild("g", owner);
        var (gateway, _) = await RawGateway.IdentifiedAsync(emulator);
        await using var _ = gateway;
        using var rest = new RawRest(emulator);

        emulator.RemoveGuild(guild.Id);
        var refused = await rest.GetAsync($"/guilds/{guild.Id}/members/{owner.Id}");
        emulator.AddGuild("g", owner, id: guild.Id);
        emulator.Dispatch("END", new JsonObject());
        var frames = await ReceiveUntilEndAsync(gateway);

        Assert.Equal(["GUILD_DELETE", "GUILD_CREATE"], frames.Select(f => f["t"]!.GetValue<string>()));
        Assert.Null(frames[0]["d"]!["unavailable"]);
        Assert.InRange(refused.Status, 403, 404);
    }
}
