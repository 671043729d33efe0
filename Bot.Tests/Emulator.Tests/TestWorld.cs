using CrossCoaching.Discord;
using CrossCoaching.Tests.Emulator;
using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.EmulatorTests;

/// <summary>A small guild with two members, a registered /ping and a raw gateway session, for interaction tests.</summary>
internal sealed record TestWorld(RawGateway Gateway, EmulatedGuild Guild, EmulatedChannel Text, EmulatedUser Alice, EmulatedUser Bob)
{
    public static async Task<TestWorld> ConnectedAsync(DiscordEmulator emulator, JsonArray? commands = null)
    {
        var owner = emulator.AddUser("owner");
        var alice = emulator.AddUser("alice", globalName: "Alice");
        var bob = emulator.AddUser("bob");
        var guild = emulator.AddGuild("Coaching", owner);
        emulator.AddMember(guild, alice);
        emulator.AddMember(guild, bob);
        var text = emulator.AddTextChannel(guild, "general");
        using var rest = new RawRest(emulator);
        var put = await rest.PutAsync($"/applications/{emulator.ApplicationId}/guilds/{guild.Id}/commands",
            commands ?? [new JsonObject { ["name"] = "ping", ["description"] = "Answers pong" }]);
        Assert.Equal(200, put.Status);
        var (gateway, _) = await RawGateway.IdentifiedAsync(emulator);
        return new TestWorld(gateway, guild, text, alice, bob);
    }

    public static Snowflake Id(JsonNode? node) => Snowflake.Parse(node!.GetValue<string>());
}
