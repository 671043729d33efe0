using System.Text.Json;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;

namespace CrossCoaching.Tests.Discord.Interactions;

public sealed class InteractionParserTests
{
    private static Interaction Parse(string json) => InteractionParser.Parse(JsonDocument.Parse(json).RootElement);

    private const string Member = """
        "member": { "user": { "id": "111", "username": "alice", "global_name": "Alice" }, "nick": "Ali",
                    "roles": ["501", "502"], "permissions": "2147483680", "joined_at": "2026-01-01T00:00:00Z" }
        """;

    [Fact]
    public void A_slash_command_with_a_subcommand_gives_its_leaf_options_and_the_invoker()
    {
        var interaction = Parse($$"""
            { "id": "900", "application_id": "800", "type": 2, "token": "tok", "version": 1,
              "guild_id": "700", "channel_id": "600", "locale": "fr", "guild_locale": "en-US",
              "app_permissions": "1024", {{Member}},
              "data": { "id": "1", "name": "ritual", "type": 1, "options": [
                { "type": 1, "name": "set", "options": [
                  { "type": 3, "name": "time", "value": "14:00" },
                  { "type": 4, "name": "duration", "value": 20 } ] } ] } }
            """);

        Assert.Equal(InteractionType.ApplicationCommand, interaction.Type);
        Assert.Equal(("ritual", null, "set"), (interaction.CommandName, interaction.SubcommandGroup, interaction.Subcommand));
        Assert.Equal("14:00", interaction.GetString("time"));
        Assert.Equal(20, interaction.GetInteger("duration"));
        Assert.Equal(new Snowflake(700), interaction.GuildId);
        Assert.Equal(new Snowflake(600), interaction.ChannelId);
        Assert.Equal("Ali", interaction.UserDisplayName);
        Assert.Equal([new Snowflake(501), new Snowflake(502)], interaction.Member!.RoleIds);
        Assert.True(interaction.MemberPermissions.HasFlag(Permissions.ManageGuild));
        Assert.Equal(Permissions.ViewChannel, interaction.AppPermissions);
        Assert.Equal(("fr", "en-US"), (interaction.Locale, interaction.GuildLocale));
    }

    [Fact]
    public void A_user_option_resolves_to_the_user_and_member()
    {
        var interaction = Parse($$"""
            { "id": "900", "application_id": "800", "type": 2, "token": "tok", "guild_id": "700", "locale": "en-US", {{Member}},
              "data": { "name": "pair", "type": 1, "options": [ { "type": 6, "name": "partner", "value": "222" } ],
                "resolved": { "users": { "222": { "id": "222", "username": "bob", "bot": false } },
                              "members": { "222": { "nick": null, "roles": [] } } } } }
            """);

        Assert.Equal("bob", interaction.GetUser("partner")!.Username);
        Assert.Equal("bob", interaction.GetMember("partner")!.DisplayName);
        Assert.False(interaction.GetUser("partner")!.IsBot);
    }

    [Fact]
    public void A_channel_option_resolves_with_its_type_and_parent()
    {
        var interaction = Parse($$"""
            { "id": "900", "application_id": "800", "type": 2, "token": "tok", "guild_id": "700", "locale": "en-US", {{Member}},
              "data": { "name": "coaching", "type": 1, "options": [ { "type": 1, "name": "setup", "options": [
                  { "type": 7, "name": "category", "value": "333" } ] } ],
                "resolved": { "channels": { "333": { "id": "333", "type": 4, "name": "Rooms", "permissions": "16" } } } } }
            """);

        var channel = interaction.GetChannel("category")!;
        Assert.Equal((ChannelType.GuildCategory, "Rooms", Permissions.ManageChannels), (channel.Type, channel.Name, channel.Permissions));
    }

    [Fact]
    public void An_autocomplete_request_marks_the_focused_option_with_the_partial_text()
    {
        var interaction = Parse($$"""
            { "id": "900", "application_id": "800", "type": 4, "token": "tok", "guild_id": "700", "locale": "en-US", {{Member}},
              "data": { "name": "ritual", "type": 1, "options": [ { "type": 1, "name": "set", "options": [
                  { "type": 3, "name": "timezone", "value": "Europe/Pa", "focused": true },
                  { "type": 4, "name": "duration", "value": "1" } ] } ] } }
            """);

        Assert.Equal(InteractionType.Autocomplete, interaction.Type);
        Assert.Equal(("timezone", "Europe/Pa"), (interaction.Focused!.Name, interaction.Focused.String));
        Assert.Equal("1", interaction.Option("duration")!.String);
    }

    [Fact]
    public void A_button_press_gives_its_custom_id_and_message()
    {
        var interaction = Parse($$"""
            { "id": "900", "application_id": "800", "type": 3, "token": "tok", "guild_id": "700", "locale": "en-GB", {{Member}},
              "message": { "id": "444", "channel_id": "600" }, "data": { "custom_id": "pair:accept:42", "component_type": 2 } }
            """);

        Assert.Equal(("pair:accept:42", new Snowflake(444)), (interaction.CustomId, interaction.MessageId));
        Assert.Null(interaction.CommandName);
    }

    [Fact]
    public void A_modal_submission_reads_label_wrapped_and_legacy_inputs()
    {
        var interaction = Parse("""
            { "id": "900", "application_id": "800", "type": 5, "token": "tok", "locale": "fr",
              "user": { "id": "111", "username": "alice" },
              "data": { "custom_id": "takeaway:modal", "components": [
                { "type": 18, "id": 1, "component": { "type": 4, "id": 2, "custom_id": "text", "value": "J'ai appris" } },
                { "type": 1, "components": [ { "type": 4, "custom_id": "extra", "value": "x" } ] } ] } }
            """);

        Assert.Equal("J'ai appris", interaction.GetField("text"));
        Assert.Equal("x", interaction.GetField("extra"));
        Assert.Null(interaction.GuildId);
        Assert.Equal("alice", interaction.User.Username);
    }
}
