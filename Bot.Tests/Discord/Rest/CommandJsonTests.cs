using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Tests.Discord.Rest.Support;

namespace CrossCoaching.Tests.Discord.Rest;

public sealed class CommandJsonTests : IDisposable
{
    private static readonly Snowflake App = new(100);
    private readonly RestHarness _rest = new();

    public void Dispose() => _rest.Dispose();

    [Fact]
    public async Task Guild_commands_are_sent_whole_with_localizations_options_and_permissions_as_a_string()
    {
        _rest.Discord.On("PUT", "applications/100/guilds/200/commands", _ => Reply.Json("[]"));
        var pair = new CommandDefinition(
            "pair",
            "Manage coaching pairs",
            [
                new CommandOption(
                    CommandOptionType.SubCommand,
                    "add",
                    "Pair two members",
                    Options:
                    [
                        new CommandOption(CommandOptionType.User, "coach", "The coach", Required: true,
                            DescriptionLocalizations: Localizations.French("Le coach")),
                        new CommandOption(CommandOptionType.String, "cadence", "How often", Choices:
                        [
                            new CommandChoice("Weekly", "weekly", Localizations.French("Hebdomadaire")),
                        ]),
                        new CommandOption(CommandOptionType.String, "note", "A note", Autocomplete: true, MinLength: 2, MaxLength: 100),
                        new CommandOption(CommandOptionType.Channel, "room", "Category", ChannelTypes: [ChannelType.GuildCategory]),
                        new CommandOption(CommandOptionType.Integer, "minutes", "Length", MinValue: 15, MaxValue: 120),
                    ],
                    NameLocalizations: Localizations.French("ajouter")),
            ],
            Permissions.ManageGuild,
            Localizations.French("binome"),
            Localizations.French("Gérer les binômes"));

        await _rest.Client.BulkOverwriteCommandsAsync(App, new Snowflake(200), [pair]);

        JsonAssert.Equal(
            """
            [{"type":1,"name":"pair","description":"Manage coaching pairs",
              "name_localizations":{"fr":"binome"},"description_localizations":{"fr":"Gérer les binômes"},
              "options":[{"type":1,"name":"add","description":"Pair two members","name_localizations":{"fr":"ajouter"},
                "options":[
                  {"type":6,"name":"coach","description":"The coach","description_localizations":{"fr":"Le coach"},"required":true},
                  {"type":3,"name":"cadence","description":"How often",
                   "choices":[{"name":"Weekly","value":"weekly","name_localizations":{"fr":"Hebdomadaire"}}]},
                  {"type":3,"name":"note","description":"A note","autocomplete":true,"min_length":2,"max_length":100},
                  {"type":7,"name":"room","description":"Category","channel_types":[4]},
                  {"type":4,"name":"minutes","description":"Length","min_value":15,"max_value":120}]}],
              "default_member_permissions":"32","contexts":[0],"integration_types":[0]}]
            """,
            _rest.Discord.Last().Json);
    }

    [Fact]
    public async Task Global_commands_go_to_the_application_route_and_state_no_permission_as_null()
    {
        _rest.Discord.On("PUT", "applications/100/commands", _ => Reply.Json("[]"));

        await _rest.Client.BulkOverwriteCommandsAsync(App, null, [new CommandDefinition("help", "How to use the bot", [])]);

        JsonAssert.Equal(
            """[{"type":1,"name":"help","description":"How to use the bot","default_member_permissions":null,"contexts":[0],"integration_types":[0]}]""",
            _rest.Discord.Last().Json);
    }

    [Fact]
    public async Task Choices_of_number_options_are_sent_as_numbers()
    {
        _rest.Discord.On("PUT", "applications/100/commands", _ => Reply.Json("[]"));
        var command = new CommandDefinition("length", "Session length",
        [
            new CommandOption(CommandOptionType.Integer, "minutes", "Minutes", Choices: [new CommandChoice("Half an hour", "30")]),
            new CommandOption(CommandOptionType.Number, "hours", "Hours", Choices: [new CommandChoice("One and a half", "1.5")]),
        ]);

        await _rest.Client.BulkOverwriteCommandsAsync(App, null, [command]);

        var options = _rest.Discord.Last().Json[0]!["options"]!;
        JsonAssert.Equal("""[{"name":"Half an hour","value":30}]""", options[0]!["choices"]!);
        JsonAssert.Equal("""[{"name":"One and a half","value":1.5}]""", options[1]!["choices"]!);
    }

    [Fact]
    public async Task An_empty_command_set_is_sent_as_an_empty_array()
    {
        _rest.Discord.On("PUT", "applications/100/guilds/200/commands", _ => Reply.Json("[]"));

        await _rest.Client.BulkOverwriteCommandsAsync(App, new Snowflake(200), []);

        JsonAssert.Equal("[]", _rest.Discord.Last().Json);
    }
}
