using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EmulatorTests;

public sealed class ChannelCreationTests
{
    [Fact]
    public async Task Without_MANAGE_CHANNELS_the_bot_can_neither_create_nor_delete()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        var hidden = emulator.AddVoiceChannel(guild, "Hidden", overwrites: [EmulatedOverwrite.Member(emulator.BotUserId, deny: Perms.ViewChannel)]);
        var shown = emulator.AddVoiceChannel(guild, "Shown");
        using var rest = new RawRest(emulator);

        var deleteHidden = await rest.DeleteAsync($"/channels/{hidden.Id}");
        var deleteUnknown = await rest.DeleteAsync("/channels/123456789012345678");
        emulator.SetBotPermissions(guild, Perms.ViewChannel | Perms.Connect);
        var create = await rest.PostAsync($"/guilds/{guild.Id}/channels", new JsonObject { ["name"] = "Room", ["type"] = 2 });
        var deleteShown = await rest.DeleteAsync($"/channels/{shown.Id}");

        Assert.Equal((403, 50001), (deleteHidden.Status, deleteHidden.Code!.Value));
        Assert.Equal((404, 10003), (deleteUnknown.Status, deleteUnknown.Code!.Value));
        Assert.Equal((403, 50013), (create.Status, create.Code!.Value));
        Assert.Equal((403, 50013), (deleteShown.Status, deleteShown.Code!.Value));
    }

    [Fact]
    public async Task A_category_holds_at_most_fifty_channels()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        var category = emulator.AddCategory(guild, "Rooms");
        for (var i = 0; i < 50; i++)
            emulator.AddVoiceChannel(guild, $"r{i}", parent: category);
        using var rest = new RawRest(emulator);

        var answer = await rest.PostAsync($"/guilds/{guild.Id}/channels", new JsonObject { ["name"] = "r50", ["type"] = 2, ["parent_id"] = category.Id.ToString() });

        Assert.Equal((400, 50035), (answer.Status, answer.Code!.Value));
        Assert.Equal("CHANNEL_PARENT_MAX_CHANNELS", answer.Body!["errors"]!["parent_id"]!["_errors"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Invalid_channel_bodies_name_their_fields()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var guild = emulator.AddGuild("g", emulator.AddUser("owner"));
        var text = emulator.AddTextChannel(guild, "general");
        using var rest = new RawRest(emulator);

        var answer = await rest.PostAsync($"/guilds/{guild.Id}/channels", new JsonObject
        {
            ["name"] = "",
            ["type"] = 2,
            ["user_limit"] = 100,
            ["parent_id"] = text.Id.ToString(),
            ["permission_overwrites"] = new JsonArray(new JsonObject { ["id"] = "42", ["type"] = 0, ["allow"] = "abc" }),
        });

        Assert.Equal((400, 50035), (answer.Status, answer.Code!.Value));
        var errors = answer.Body!["errors"]!.AsObject();
        Assert.Equal(["name", "parent_id", "permission_overwrites", "user_limit"], errors.Select(e => e.Key).Order());
        Assert.NotNull(errors["permission_overwrites"]!["0"]!["allow"]);
        Assert.NotNull(errors["permission_overwrites"]!["0"]!["id"]);
    }
}
