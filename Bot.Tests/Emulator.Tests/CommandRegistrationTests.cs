using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EmulatorTests;

public sealed class CommandRegistrationTests
{
    private static JsonObject Option(int type, string name, bool required = false) =>
        new() { ["type"] = type, ["name"] = name, ["description"] = $"The {name}", ["required"] = required };

    private static async Task<RawRest.Answer> PutAsync(DiscordEmulator emulator, params JsonObject[] commands)
    {
        using var rest = new RawRest(emulator);
        return await rest.PutAsync($"/applications/{emulator.ApplicationId}/commands", new JsonArray(commands.Select(c => (JsonNode)c).ToArray()));
    }

    [Fact]
    public async Task A_valid_set_is_stored_with_ids_that_survive_a_second_overwrite()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var command = new JsonObject
        {
            ["name"] = "rituel",
            ["description"] = "Plan a ritual",
            ["name_localizations"] = new JsonObject { ["fr"] = "rituel", ["en-GB"] = "ritual" },
            ["default_member_permissions"] = "32",
            ["options"] = new JsonArray(Option(3, "when", required: true), Option(4, "weeks")),
        };

        var first = await PutAsync(emulator, command);
        var second = await PutAsync(emulator, (JsonObject)command.DeepClone());

        Assert.Equal(200, first.Status);
        Assert.Equal(first.Body![0]!["id"]!.GetValue<string>(), second.Body![0]!["id"]!.GetValue<string>());
        Assert.Equal(emulator.ApplicationId.ToString(), second.Body![0]!["application_id"]!.GetValue<string>());
        Assert.Equal("32", emulator.CommandsOf(null).Single()["default_member_permissions"]!.GetValue<string>());
        Assert.Equal(2, emulator.CommandOverwriteCount(null));
    }

    public static TheoryData<string, JsonObject, string> InvalidCommands => new()
    {
        { "uppercase name", new JsonObject { ["name"] = "Ping", ["description"] = "d" }, "0.name" },
        { "space in name", new JsonObject { ["name"] = "two words", ["description"] = "d" }, "0.name" },
        { "33-character name", new JsonObject { ["name"] = new string('a', 33), ["description"] = "d" }, "0.name" },
        { "empty description", new JsonObject { ["name"] = "ping", ["description"] = "" }, "0.description" },
        { "required after optional", new JsonObject { ["name"] = "ping", ["description"] = "d", ["options"] = new JsonArray(Option(3, "a"), Option(3, "b", required: true)) }, "0.options.1.required" },
        { "duplicate option names", new JsonObject { ["name"] = "ping", ["description"] = "d", ["options"] = new JsonArray(Option(3, "a"), Option(4, "a")) }, "0.options.1.name" },
        { "unknown locale", new JsonObject { ["name"] = "ping", ["description"] = "d", ["name_localizations"] = new JsonObject { ["fr-FR"] = "ping" } }, "0.name_localizations.fr-FR" },
        { "uppercase localized name", new JsonObject { ["name"] = "ping", ["description"] = "d", ["name_localizations"] = new JsonObject { ["fr"] = "Ping" } }, "0.name_localizations.fr" },
        { "choices with autocomplete", new JsonObject { ["name"] = "ping", ["description"] = "d", ["options"] = new JsonArray(new JsonObject { ["type"] = 3, ["name"] = "a", ["description"] = "d", ["autocomplete"] = true, ["choices"] = new JsonArray(new JsonObject { ["name"] = "x", ["value"] = "x" }) }) }, "0.options.0.autocomplete" },
        { "subcommand in a subcommand", new JsonObject { ["name"] = "ping", ["description"] = "d", ["options"] = new JsonArray(new JsonObject { ["type"] = 1, ["name"] = "a", ["description"] = "d", ["options"] = new JsonArray(Option(1, "b")) }) }, "0.options.0.options.0.type" },
        { "max_length over 6000", new JsonObject { ["name"] = "ping", ["description"] = "d", ["options"] = new JsonArray(new JsonObject { ["type"] = 3, ["name"] = "a", ["description"] = "d", ["max_length"] = 6001 }) }, "0.options.0.max_length" },
        { "permissions not a number", new JsonObject { ["name"] = "ping", ["description"] = "d", ["default_member_permissions"] = "admins" }, "0.default_member_permissions" },
        { "26 choices", new JsonObject { ["name"] = "ping", ["description"] = "d", ["options"] = new JsonArray(new JsonObject { ["type"] = 3, ["name"] = "a", ["description"] = "d", ["choices"] = new JsonArray(Enumerable.Range(0, 26).Select(i => (JsonNode)new JsonObject { ["name"] = $"c{i}", ["value"] = $"{i}" }).ToArray()) }) }, "0.options.0.choices" },
    };

    [Theory]
    [MemberData(nameof(InvalidCommands))]
    public async Task An_invalid_command_is_refused_with_the_field_named(string why, JsonObject command, string path)
    {
        await using var emulator = await DiscordEmulator.StartAsync();

        var answer = await PutAsync(emulator, command);

        Assert.True(answer.Status == 400, why);
        Assert.Equal(50035, answer.Code);
        var node = path.Split('.').Aggregate(answer.Body!["errors"], (n, key) => n?[key]);
        Assert.True(node?["_errors"] is JsonArray { Count: > 0 }, $"{why}: expected errors at {path}, got {answer.Body!["errors"]!.ToJsonString()}");
        Assert.Empty(emulator.CommandsOf(null));
    }

    [Fact]
    public async Task A_command_larger_than_the_documented_total_is_refused()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var options = new JsonArray(Enumerable.Range(0, 25).Select(i => (JsonNode)new JsonObject
        {
            ["type"] = 3, ["name"] = $"option{i}", ["description"] = new string('d', 100),
            ["choices"] = new JsonArray(Enumerable.Range(0, 25).Select(c => (JsonNode)new JsonObject { ["name"] = new string('n', 100), ["value"] = $"{c}" }).ToArray()),
        }).ToArray());

        var answer = await PutAsync(emulator, new JsonObject { ["name"] = "huge", ["description"] = "d", ["options"] = options });

        Assert.Equal((400, 50035), (answer.Status, answer.Code!.Value));
        Assert.Equal("APPLICATION_COMMAND_TOO_LARGE", answer.Body!["errors"]!["0"]!["_errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Guild_commands_need_a_guild_of_the_bot_and_the_right_application()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        using var rest = new RawRest(emulator);
        var body = new JsonArray(new JsonObject { ["name"] = "ping", ["description"] = "d" });

        var ok = await rest.PutAsync($"/applications/{emulator.ApplicationId}/guilds/{guild.Id}/commands", body.DeepClone());
        var otherGuild = await rest.PutAsync($"/applications/{emulator.ApplicationId}/guilds/42/commands", body.DeepClone());
        var otherApp = await rest.PutAsync("/applications/42/commands", body.DeepClone());

        Assert.Equal(200, ok.Status);
        Assert.Equal(guild.Id.ToString(), emulator.CommandsOf(guild).Single()["guild_id"]!.GetValue<string>());
        Assert.Equal((403, 50001), (otherGuild.Status, otherGuild.Code!.Value));
        Assert.Equal((403, 50001), (otherApp.Status, otherApp.Code!.Value));
    }
}
