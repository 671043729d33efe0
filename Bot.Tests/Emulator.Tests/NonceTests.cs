using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EmulatorTests;

/// <summary><c>enforce_nonce</c> as Discord documents it, and answers lost after Discord acted.</summary>
public sealed class NonceTests
{
    private static JsonObject Post(string content, string nonce, bool enforce) => new()
    {
        ["content"] = content,
        ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        ["nonce"] = nonce,
        ["enforce_nonce"] = enforce,
    };

    [Fact]
    public async Task The_same_nonce_enforced_in_the_same_channel_returns_the_first_message_instead_of_posting_again()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var world = await TestWorld.ConnectedAsync(emulator);
        using var rest = new RawRest(emulator);

        var first = await rest.PostAsync($"/channels/{world.Text.Id}/messages", Post("hello", "n-1", enforce: true));
        var again = await rest.PostAsync($"/channels/{world.Text.Id}/messages", Post("hello", "n-1", enforce: true));

        Assert.Equal((200, 200), (first.Status, again.Status));
        Assert.Equal(first.Body!["id"]!.GetValue<string>(), again.Body!["id"]!.GetValue<string>());
        Assert.Equal("n-1", again.Body!["nonce"]!.GetValue<string>());
        Assert.Single(emulator.MessagesIn(world.Text));
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task Without_enforce_or_with_another_nonce_each_post_is_a_new_message()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var world = await TestWorld.ConnectedAsync(emulator);
        using var rest = new RawRest(emulator);

        await rest.PostAsync($"/channels/{world.Text.Id}/messages", Post("a", "n-1", enforce: false));
        await rest.PostAsync($"/channels/{world.Text.Id}/messages", Post("b", "n-1", enforce: false));
        await rest.PostAsync($"/channels/{world.Text.Id}/messages", Post("c", "n-2", enforce: true));

        Assert.Equal(3, emulator.MessagesIn(world.Text).Count);
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task A_lost_answer_creates_the_message_and_answers_with_the_scripted_error()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var world = await TestWorld.ConnectedAsync(emulator);
        using var rest = new RawRest(emulator);
        emulator.ScriptLostAnswer("POST", "/channels/{channel_id}/messages", 504);

        var lost = await rest.PostAsync($"/channels/{world.Text.Id}/messages", Post("hello", "n-1", enforce: true));
        var retry = await rest.PostAsync($"/channels/{world.Text.Id}/messages", Post("hello", "n-1", enforce: true));

        Assert.Equal((504, 200), (lost.Status, retry.Status));
        Assert.Single(emulator.MessagesIn(world.Text));
        await world.Gateway.DisposeAsync();
    }
}
