using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EmulatorTests;

public sealed class InteractionFlowTests
{
    private static readonly EmulatorOptions Fast = new();

    private static Task<RawRest.Answer> CallbackAsync(RawRest rest, InteractionHandle interaction, JsonObject body) =>
        rest.PostAsync($"/interactions/{interaction.Id}/{interaction.Token}/callback", body);

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
