using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EmulatorTests;

public sealed class InteractionTests
{
    private static readonly EmulatorOptions Fast = new() { InteractionDeadline = TimeSpan.FromMilliseconds(300) };

    private static Task<RawRest.Answer> CallbackAsync(RawRest rest, InteractionHandle interaction, JsonObject body) =>
        rest.PostAsync($"/interactions/{interaction.Id}/{interaction.Token}/callback", body);

    private static JsonObject Reply(string content, int flags = 0) =>
        new() { ["type"] = 4, ["data"] = new JsonObject { ["content"] = content, ["flags"] = flags } };

    [Fact]
    public async Task The_dispatched_interaction_looks_like_Discords()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var world = await TestWorld.ConnectedAsync(emulator, [new JsonObject
        {
            ["name"] = "session",
            ["description"] = "Sessions",
            ["options"] = new JsonArray(new JsonObject
            {
                ["type"] = 1, ["name"] = "start", ["description"] = "Start one",
                ["options"] = new JsonArray(
                    new JsonObject { ["type"] = 6, ["name"] = "partner", ["description"] = "Who", ["required"] = true },
                    new JsonObject { ["type"] = 4, ["name"] = "minutes", ["description"] = "How long" }),
            }),
        }]);
        emulator.SetLocale(world.Alice, "fr");

        var interaction = await emulator.SendCommandAsync(new CommandCall(world.Guild, world.Text, world.Alice, "session")
        {
            Subcommand = "start",
            Options = [CommandArg.User("partner", world.Bob), CommandArg.Integer("minutes", 30)],
        });
        var dispatched = await world.Gateway.ReceiveDispatchAsync("INTERACTION_CREATE");

        var d = dispatched["d"]!;
        Assert.Equal(interaction.Id.ToString(), d["id"]!.GetValue<string>());
        Assert.Equal((2, 1, "fr", "en-US"), (d["type"]!.GetValue<int>(), d["version"]!.GetValue<int>(), d["locale"]!.GetValue<string>(), d["guild_locale"]!.GetValue<string>()));
        Assert.Equal(world.Alice.Id.ToString(), d["member"]!["user"]!["id"]!.GetValue<string>());
        Assert.Equal(emulator.PermissionsOf(world.Guild, world.Alice, world.Text).ToWire(), d["member"]!["permissions"]!.GetValue<string>());
        Assert.Equal(emulator.PermissionsOf(world.Guild, emulator.BotUserId, world.Text).ToWire(), d["app_permissions"]!.GetValue<string>());
        var sub = d["data"]!["options"]![0]!;
        Assert.Equal(("start", 1), (sub["name"]!.GetValue<string>(), sub["type"]!.GetValue<int>()));
        Assert.Equal(world.Bob.Id.ToString(), sub["options"]![0]!["value"]!.GetValue<string>());
        Assert.Equal(30, sub["options"]![1]!["value"]!.GetValue<int>());
        Assert.Equal("bob", d["data"]!["resolved"]!["users"]![world.Bob.Id.ToString()]!["username"]!.GetValue<string>());
        Assert.Null(d["data"]!["resolved"]!["members"]![world.Bob.Id.ToString()]!["user"]);
        await world.Gateway.DisposeAsync();
    }

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
        Assert.InRange(callback.Elapsed, TimeSpan.Zero, TimeSpan.FromMilliseconds(300));
        Assert.True(interaction.Original!.IsEphemeral);
        Assert.Empty(interaction.Rejections);
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task A_callback_after_the_deadline_is_an_unknown_interaction()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var world = await TestWorld.ConnectedAsync(emulator);
        using var rest = new RawRest(emulator);
        var interaction = await emulator.SendCommandAsync(world.Guild, world.Text, world.Alice, "ping");

        await Task.Delay(400);
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

    [Fact]
    public async Task A_button_opens_a_modal_whose_submission_can_update_the_message()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var world = await TestWorld.ConnectedAsync(emulator);
        using var rest = new RawRest(emulator);
        var sent = await rest.PostAsync($"/channels/{world.Text.Id}/messages", new JsonObject
        {
            ["content"] = "Rate the session",
            ["components"] = new JsonArray(new JsonObject
            {
                ["type"] = 1,
                ["components"] = new JsonArray(new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = "Rate", ["custom_id"] = "rate:1" }),
            }),
        });
        var message = emulator.MessagesIn(world.Text).Single();
        var press = await emulator.PressButtonAsync(message, "rate:1", world.Alice);
        var modal = await CallbackAsync(rest, press, new JsonObject
        {
            ["type"] = 9,
            ["data"] = new JsonObject
            {
                ["custom_id"] = "rating", ["title"] = "Your rating",
                ["components"] = new JsonArray(new JsonObject
                {
                    ["type"] = 18, ["label"] = "Notes",
                    ["component"] = new JsonObject { ["type"] = 4, ["custom_id"] = "notes", ["style"] = 2, ["max_length"] = 10 },
                }),
            },
        });

        var tooLong = Assert.Throws<InvalidOperationException>(() => emulator.SubmitModalAsync(press, new Dictionary<string, string> { ["notes"] = "far too long text" }).GetAwaiter().GetResult());
        var submit = await emulator.SubmitModalAsync(press, new Dictionary<string, string> { ["notes"] = "great" });
        var update = await CallbackAsync(rest, submit, new JsonObject { ["type"] = 7, ["data"] = new JsonObject { ["content"] = "Thanks", ["components"] = new JsonArray() } });

        Assert.Equal(200, sent.Status);
        Assert.Equal(204, modal.Status);
        Assert.Contains("notes", tooLong.Message, StringComparison.Ordinal);
        var field = submit.Payload["data"]!["components"]![0]!;
        Assert.Equal((18, "notes", "great"), (field["type"]!.GetValue<int>(), field["component"]!["custom_id"]!.GetValue<string>(), field["component"]!["value"]!.GetValue<string>()));
        Assert.Equal(204, update.Status);
        Assert.Equal("Thanks", message.Content);
        Assert.Empty(message.Components);
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task Invalid_modals_are_refused_field_by_field()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var world = await TestWorld.ConnectedAsync(emulator);
        using var rest = new RawRest(emulator);
        var interaction = await emulator.SendCommandAsync(world.Guild, world.Text, world.Alice, "ping");

        var answer = await CallbackAsync(rest, interaction, new JsonObject
        {
            ["type"] = 9,
            ["data"] = new JsonObject { ["custom_id"] = "m", ["title"] = new string('t', 46), ["components"] = new JsonArray() },
        });

        Assert.Equal((400, 50035), (answer.Status, answer.Code!.Value));
        Assert.NotNull(answer.Body!["errors"]!["data"]!["title"]);
        Assert.NotNull(answer.Body!["errors"]!["data"]!["components"]);
        Assert.Null(interaction.Callback);
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task A_command_the_bot_never_registered_cannot_be_sent()
    {
        await using var emulator = await DiscordEmulator.StartAsync(Fast);
        var world = await TestWorld.ConnectedAsync(emulator);

        await Assert.ThrowsAsync<InvalidOperationException>(() => emulator.SendCommandAsync(world.Guild, world.Text, world.Alice, "unknown"));
        await world.Gateway.DisposeAsync();
    }
}
