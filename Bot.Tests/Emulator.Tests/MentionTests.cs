using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EmulatorTests;

public sealed class MentionTests
{
    [Fact]
    public async Task Allowed_mentions_listing_one_user_pings_only_that_user()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var world = await TestWorld.ConnectedAsync(emulator);
        using var rest = new RawRest(emulator);

        var answer = await rest.PostAsync($"/channels/{world.Text.Id}/messages", new JsonObject
        {
            ["content"] = $"<@{world.Alice.Id}> meets <@{world.Bob.Id}>",
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray(), ["users"] = new JsonArray(world.Alice.Id.ToString()) },
        });

        var message = Assert.Single(emulator.MessagesIn(world.Text));
        Assert.Equal(200, answer.Status);
        Assert.Equal([world.Alice.Id], message.PingedUserIds);
        Assert.Equal([world.Alice.Id, world.Bob.Id], message.MentionedUserIds);
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task Without_allowed_mentions_every_mentioned_user_is_pinged()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var world = await TestWorld.ConnectedAsync(emulator);
        using var rest = new RawRest(emulator);

        await rest.PostAsync($"/channels/{world.Text.Id}/messages", new JsonObject { ["content"] = $"<@{world.Alice.Id}> meets <@!{world.Bob.Id}>" });

        Assert.Equal(new[] { world.Alice.Id, world.Bob.Id }.Order(), emulator.MessagesIn(world.Text).Single().PingedUserIds);
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task Empty_parse_pings_nobody_and_everyone_needs_the_permission()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var world = await TestWorld.ConnectedAsync(emulator);
        using var rest = new RawRest(emulator);

        await rest.PostAsync($"/channels/{world.Text.Id}/messages", new JsonObject
        {
            ["content"] = $"<@{world.Alice.Id}> @everyone",
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        });
        await rest.PostAsync($"/channels/{world.Text.Id}/messages", new JsonObject { ["content"] = "@everyone wake up" });
        emulator.SetBotPermissions(world.Guild, Perms.BotInviteDefault | Perms.MentionEveryone);
        await rest.PostAsync($"/channels/{world.Text.Id}/messages", new JsonObject { ["content"] = "@everyone wake up" });

        var messages = emulator.MessagesIn(world.Text);
        Assert.Empty(messages[0].PingedUserIds);
        Assert.Empty(messages[1].PingedUserIds);
        Assert.Equal(3, messages[2].PingedUserIds.Count);
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task A_user_who_cannot_see_the_channel_is_not_pinged_and_closed_dms_refuse_messages()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var world = await TestWorld.ConnectedAsync(emulator);
        var secret = emulator.AddTextChannel(world.Guild, "secret", overwrites: [EmulatedOverwrite.Member(world.Bob, deny: Perms.ViewChannel)]);
        using var rest = new RawRest(emulator);

        await rest.PostAsync($"/channels/{secret.Id}/messages", new JsonObject { ["content"] = $"<@{world.Alice.Id}> <@{world.Bob.Id}>" });
        var dm = await rest.PostAsync("/users/@me/channels", new JsonObject { ["recipient_id"] = world.Bob.Id.ToString() });
        var again = await rest.PostAsync("/users/@me/channels", new JsonObject { ["recipient_id"] = world.Bob.Id.ToString() });
        emulator.CloseDms(world.Bob);
        var refused = await rest.PostAsync($"/channels/{dm.Body!["id"]!.GetValue<string>()}/messages", new JsonObject { ["content"] = "hello" });

        Assert.Equal([world.Alice.Id], emulator.MessagesIn(secret).Single().PingedUserIds);
        Assert.Equal((200, 1), (dm.Status, dm.Body!["type"]!.GetValue<int>()));
        Assert.Equal(dm.Body!["id"]!.GetValue<string>(), again.Body!["id"]!.GetValue<string>());
        Assert.Equal((403, 50007), (refused.Status, refused.Code!.Value));
        Assert.Empty(emulator.DirectMessagesTo(world.Bob));
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task Messages_are_validated_and_multipart_files_are_recorded()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var world = await TestWorld.ConnectedAsync(emulator);
        emulator.SetBotPermissions(world.Guild, Perms.BotInviteDefault | Perms.AttachFiles);
        using var rest = new RawRest(emulator);
        var button = (string id) => (JsonNode)new JsonObject { ["type"] = 2, ["style"] = 1, ["label"] = "b", ["custom_id"] = id };

        var tooLong = await rest.PostAsync($"/channels/{world.Text.Id}/messages", new JsonObject { ["content"] = new string('x', 2001) });
        var empty = await rest.PostAsync($"/channels/{world.Text.Id}/messages", new JsonObject { ["content"] = "" });
        var duplicateIds = await rest.PostAsync($"/channels/{world.Text.Id}/messages", new JsonObject
        {
            ["content"] = "x",
            ["components"] = new JsonArray(new JsonObject { ["type"] = 1, ["components"] = new JsonArray(button("a"), button("a")) }),
        });
        using var form = new MultipartFormDataContent
        {
            { new StringContent(new JsonObject { ["content"] = "calendar", ["attachments"] = new JsonArray(new JsonObject { ["id"] = 0, ["description"] = "ics" }) }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), "payload_json" },
            { new ByteArrayContent("BEGIN:VCALENDAR"u8.ToArray()), "files[0]", "ritual.ics" },
        };
        var upload = await rest.SendAsync(HttpMethod.Post, $"/channels/{world.Text.Id}/messages", null, r => r.Content = form);

        Assert.Equal((400, 50035), (tooLong.Status, tooLong.Code!.Value));
        Assert.Equal((400, 50006), (empty.Status, empty.Code!.Value));
        Assert.Equal("COMPONENT_CUSTOM_ID_DUPLICATED", duplicateIds.Body!["errors"]!["components"]!["0"]!["components"]!["1"]!["custom_id"]!["_errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal(200, upload.Status);
        var attachment = Assert.Single(emulator.MessagesIn(world.Text).Single().Attachments);
        Assert.Equal(("ritual.ics", "BEGIN:VCALENDAR", "ics"), (attachment.FileName, System.Text.Encoding.UTF8.GetString(attachment.Content), attachment.Description));
        Assert.Contains(emulator.Requests[^1].Parts, p => p.Name == "files[0]");
        await world.Gateway.DisposeAsync();
    }
}
