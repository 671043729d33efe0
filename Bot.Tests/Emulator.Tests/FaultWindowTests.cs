using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EmulatorTests;

public sealed class FaultWindowTests
{
    [Fact]
    public async Task A_route_fails_from_the_start_of_an_outage_until_its_end_and_then_serves_again()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        var channel = emulator.AddTextChannel(guild.Id, "general");
        using var rest = new RawRest(emulator);
        var path = $"/channels/{channel.Id}/messages";

        emulator.StartFailing("POST", "/channels/{channel_id}/messages", 503);
        var during = new[] { await rest.PostAsync(path, Text("a")), await rest.PostAsync(path, Text("b")), await rest.PostAsync(path, Text("c")) };
        emulator.EndFailures("POST", "/channels/{channel_id}/messages");
        var after = await rest.PostAsync(path, Text("d"));

        Assert.All(during, a => Assert.Equal(503, a.Status));
        Assert.Equal(200, after.Status);
        Assert.Equal(["d"], emulator.MessagesIn(channel.Id).Select(m => m.Content));
    }

    [Fact]
    public async Task Posts_in_a_lost_answer_window_are_carried_out_but_answered_with_a_failure_until_the_window_ends()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        var channel = emulator.AddTextChannel(guild.Id, "general");
        using var rest = new RawRest(emulator);
        var path = $"/channels/{channel.Id}/messages";

        emulator.StartLosingAnswers("POST", "/channels/{channel_id}/messages", 502);
        emulator.StartFailing("POST", "/channels/{channel_id}/messages", 503);
        var refused = await rest.PostAsync(path, Text("a"));
        emulator.EndFailures("POST", "/channels/{channel_id}/messages");
        var lost = new[] { await rest.PostAsync(path, Text("b")), await rest.PostAsync(path, Text("c")) };
        emulator.EndLosingAnswers("POST", "/channels/{channel_id}/messages");
        var after = await rest.PostAsync(path, Text("d"));

        Assert.Equal(503, refused.Status);
        Assert.All(lost, a => Assert.Equal(502, a.Status));
        Assert.Equal(200, after.Status);
        Assert.Equal(["b", "c", "d"], emulator.MessagesIn(channel.Id).Select(m => m.Content));
    }

    private static JsonObject Text(string content) => new() { ["content"] = content, ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } };
}
