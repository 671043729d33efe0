using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.EmulatorTests;

public sealed class InteractionCallbackTests
{
    private static readonly EmulatorOptions Fast = new();

    private static Task<RawRest.Answer> CallbackAsync(RawRest rest, InteractionHandle interaction, JsonObject body) =>
        rest.PostAsync($"/interactions/{interaction.Id}/{interaction.Token}/callback", body);

    private static JsonObject Reply(string content, int flags = 0) =>
        new() { ["type"] = 4, ["data"] = new JsonObject { ["content"] = content, ["flags"] = flags } };

    [Fact]
    public async Task A_callback_within_the_deadline_is_accepted_and_recorded()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var world = await TestWorld.ConnectedAsync(emulator);
        using var rest = new RawRest(emulator);
        var interaction = await emulator.SendCommandAsync(world.Guild, world.Text, world.Alice, "ping");

        var answer = await CallbackAsync(rest, interaction, Reply("pong", flags: 64));
        var callback = await interaction.WaitForCallbackAsync();

        Assert.Equal(204, answer.Status);
        Assert.Equal((4, "pong", true), (callback.Type, callback.Content, callback.Ephemeral));
        Assert.InRange(callback.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));
        Assert.True(interaction.Original!.IsEphemeral);
        Assert.Empty(interaction.Rejections);
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task A_callback_after_the_deadline_is_an_unknown_interaction()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        await using var emulator = await DiscordEmulator.StartAsync(new EmulatorOptions { Time = clock });
        var world = await TestWorld.ConnectedAsync(emulator);
        using var rest = new RawRest(emulator);
        var interaction = await emulator.SendCommandAsync(world.Guild, world.Text, world.Alice, "ping");

        clock.Advance(TimeSpan.FromSeconds(3.001));
        var answer = await CallbackAsync(rest, interaction, Reply("too late"));

        Assert.Equal((404, 10062), (answer.Status, answer.Code!.Value));
        Assert.Null(interaction.Callback);
        Assert.Equal(10062, Assert.Single(interaction.Rejections).Code);
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task A_second_callback_is_refused_as_already_acknowledged()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var world = await TestWorld.ConnectedAsync(emulator);
        using var rest = new RawRest(emulator);
        var interaction = await emulator.SendCommandAsync(world.Guild, world.Text, world.Alice, "ping");

        await CallbackAsync(rest, interaction, new JsonObject { ["type"] = 5 });
        var second = await CallbackAsync(rest, interaction, Reply("again"));

        Assert.Equal((400, 40060), (second.Status, second.Code!.Value));
        Assert.Equal(5, interaction.Callback!.Type);
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task After_a_defer_patching_original_fills_in_the_message_and_followups_need_an_ack()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var world = await TestWorld.ConnectedAsync(emulator);
        using var rest = new RawRest(emulator, authorized: false);
        var interaction = await emulator.SendCommandAsync(world.Guild, world.Text, world.Alice, "ping");
        var webhook = $"/webhooks/{emulator.ApplicationId}/{interaction.Token}";

        var early = await rest.PostAsync(webhook, new JsonObject { ["content"] = "followup" });
        var originalBefore = await rest.GetAsync(webhook + "/messages/@original");
        await CallbackAsync(rest, interaction, new JsonObject { ["type"] = 5 });
        var loading = interaction.Original!.IsLoading;
        var patched = await rest.PatchAsync(webhook + "/messages/@original", new JsonObject { ["content"] = "done", ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } });
        var followup = await rest.PostAsync(webhook, new JsonObject { ["content"] = "more", ["flags"] = 64 });

        Assert.Equal((404, 10015), (early.Status, early.Code!.Value));
        Assert.Equal((404, 10008), (originalBefore.Status, originalBefore.Code!.Value));
        Assert.True(loading);
        Assert.Equal(200, patched.Status);
        Assert.Equal("done", interaction.Original.Content);
        Assert.False(interaction.Original.IsLoading);
        Assert.Single(interaction.OriginalEdits);
        Assert.Equal(200, followup.Status);
        Assert.True((await interaction.WaitForFollowupAsync()).IsEphemeral);
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task Update_types_are_for_components_and_autocomplete_only_takes_choices()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var world = await TestWorld.ConnectedAsync(emulator, [
            new JsonObject { ["name"] = "ping", ["description"] = "Answers pong" },
            new JsonObject
            {
                ["name"] = "pick", ["description"] = "Pick",
                ["options"] = new JsonArray(new JsonObject { ["type"] = 3, ["name"] = "who", ["description"] = "Who", ["autocomplete"] = true }),
            },
        ]);
        using var rest = new RawRest(emulator);
        var command = await emulator.SendCommandAsync(world.Guild, world.Text, world.Alice, "ping");
        var autocomplete = await emulator.AutocompleteAsync(new CommandCall(world.Guild, world.Text, world.Alice, "pick"), "who", "al");

        var update = await CallbackAsync(rest, command, new JsonObject { ["type"] = 7, ["data"] = new JsonObject { ["content"] = "x" } });
        var reply = await CallbackAsync(rest, autocomplete, Reply("x"));
        var tooMany = await CallbackAsync(rest, autocomplete, new JsonObject
        {
            ["type"] = 8,
            ["data"] = new JsonObject { ["choices"] = new JsonArray(Enumerable.Range(0, 26).Select(i => (JsonNode)new JsonObject { ["name"] = $"n{i}", ["value"] = $"v{i}" }).ToArray()) },
        });
        var choices = await CallbackAsync(rest, autocomplete, new JsonObject
        {
            ["type"] = 8,
            ["data"] = new JsonObject { ["choices"] = new JsonArray(new JsonObject { ["name"] = "Alice", ["value"] = "alice" }) },
        });

        Assert.Equal((400, 50035), (update.Status, update.Code!.Value));
        Assert.Equal((400, 50035), (reply.Status, reply.Code!.Value));
        Assert.Equal((400, 50035), (tooMany.Status, tooMany.Code!.Value));
        Assert.Equal(204, choices.Status);
        var focused = autocomplete.Payload["data"]!["options"]![0]!;
        Assert.True(focused["focused"]!.GetValue<bool>());
        Assert.Equal("al", focused["value"]!.GetValue<string>());
        await world.Gateway.DisposeAsync();
    }
}
