using System.Text.Json.Nodes;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EmulatorTests;

/// <summary>Uploads are read and refused as Discord does: payload_json, files[n], attachments matched to them.</summary>
public sealed class UploadTests
{
    private static MultipartFormDataContent Form(JsonObject? payload, params (string Part, string FileName)[] files)
    {
        var form = new MultipartFormDataContent();
        if (payload is not null)
            form.Add(new StringContent(payload.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), "payload_json");
        foreach (var (part, fileName) in files)
            form.Add(new ByteArrayContent([0x89, 0x50, 0x4E, 0x47]), part, fileName);
        return form;
    }

    private static JsonObject Payload(params JsonObject[] attachments) =>
        new() { ["content"] = "picture", ["attachments"] = new JsonArray([.. attachments]) };

    private static string? ErrorCode(JsonNode? body, params string[] path)
    {
        var node = body?["errors"];
        foreach (var key in path)
            node = node?[key];
        return node?["_errors"]?[0]?["code"]?.GetValue<string>();
    }

    [Fact]
    public async Task An_upload_is_refused_without_payload_json_or_with_an_attachment_that_names_no_file_part()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var world = await TestWorld.ConnectedAsync(emulator);
        emulator.SetBotPermissions(world.Guild, Perms.BotInviteDefault | Perms.AttachFiles);
        using var rest = new RawRest(emulator);
        var path = $"/channels/{world.Text.Id}/messages";

        using var noPayload = Form(null, ("files[0]", "a.png"));
        var withoutPayload = await rest.SendAsync(HttpMethod.Post, path, null, r => r.Content = noPayload);
        using var wrongId = Form(Payload(new JsonObject { ["id"] = 0 }, new JsonObject { ["id"] = 1, ["description"] = "b" }), ("files[0]", "a.png"));
        var unmatched = await rest.SendAsync(HttpMethod.Post, path, null, r => r.Content = wrongId);
        var jsonOnly = await rest.PostAsync(path, Payload(new JsonObject { ["id"] = 0 }));
        using var longAlt = Form(Payload(new JsonObject { ["id"] = 0, ["description"] = new string('d', 1025) }), ("files[0]", "a.png"));
        var tooLong = await rest.SendAsync(HttpMethod.Post, path, null, r => r.Content = longAlt);
        using var twice = Form(Payload(new JsonObject { ["id"] = 0 }), ("files[0]", "a.png"), ("files[0]", "b.png"));
        var duplicated = await rest.SendAsync(HttpMethod.Post, path, null, r => r.Content = twice);

        Assert.Equal((400, "BASE_TYPE_REQUIRED"), (withoutPayload.Status, ErrorCode(withoutPayload.Body, "payload_json")));
        Assert.Equal((400, "ATTACHMENT_NOT_FOUND"), (unmatched.Status, ErrorCode(unmatched.Body, "attachments", "1")));
        Assert.Equal((400, "ATTACHMENT_NOT_FOUND"), (jsonOnly.Status, ErrorCode(jsonOnly.Body, "attachments", "0")));
        Assert.Equal((400, "BASE_TYPE_MAX_LENGTH"), (tooLong.Status, ErrorCode(tooLong.Body, "attachments", "0", "description")));
        Assert.Equal((400, "BASE_TYPE_DUPLICATE"), (duplicated.Status, ErrorCode(duplicated.Body, "files", "0")));
        Assert.Empty(emulator.MessagesIn(world.Text));
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task An_upload_whose_attachments_match_its_files_is_recorded_with_bytes_and_descriptions()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var world = await TestWorld.ConnectedAsync(emulator);
        emulator.SetBotPermissions(world.Guild, Perms.BotInviteDefault | Perms.AttachFiles);
        using var rest = new RawRest(emulator);

        using var form = Form(
            Payload(new JsonObject { ["id"] = 0, ["description"] = "first" }, new JsonObject { ["id"] = "1", ["filename"] = "b.png", ["description"] = "second" }),
            ("files[0]", "a.png"), ("files[1]", "b.png"));
        var upload = await rest.SendAsync(HttpMethod.Post, $"/channels/{world.Text.Id}/messages", null, r => r.Content = form);

        Assert.Equal(200, upload.Status);
        var attachments = emulator.MessagesIn(world.Text).Single().Attachments;
        Assert.Equal([("a.png", "first"), ("b.png", "second")], attachments.Select(a => (a.FileName, a.Description)));
        Assert.All(attachments, a => Assert.Equal([0x89, 0x50, 0x4E, 0x47], a.Content));
        await world.Gateway.DisposeAsync();
    }

    [Fact]
    public async Task An_interaction_reply_names_its_files_in_its_data_and_is_refused_when_an_entry_names_none()
    {
        await using var emulator = await DiscordEmulator.StartAsync();
        var world = await TestWorld.ConnectedAsync(emulator);
        using var rest = new RawRest(emulator);
        var refused = await emulator.SendCommandAsync(world.Guild, world.Text, world.Alice, "ping");
        var accepted = await emulator.SendCommandAsync(world.Guild, world.Text, world.Alice, "ping");
        JsonObject Reply(int id) => new() { ["type"] = 4, ["data"] = Payload(new JsonObject { ["id"] = id, ["description"] = "streak 3" }) };

        using var wrong = Form(Reply(1), ("files[0]", "a.png"));
        var no = await rest.SendAsync(HttpMethod.Post, $"/interactions/{refused.Id}/{refused.Token}/callback", null, r => r.Content = wrong);
        using var right = Form(Reply(0), ("files[0]", "a.png"));
        var yes = await rest.SendAsync(HttpMethod.Post, $"/interactions/{accepted.Id}/{accepted.Token}/callback", null, r => r.Content = right);

        Assert.Equal((400, "ATTACHMENT_NOT_FOUND"), (no.Status, ErrorCode(no.Body, "data", "attachments", "0")));
        Assert.Null(refused.Callback);
        Assert.Equal(204, yes.Status);
        Assert.Equal(("a.png", "streak 3"), (accepted.Original!.Attachments.Single().FileName, accepted.Original.Attachments.Single().Description));
        await world.Gateway.DisposeAsync();
    }
}
