using System.Text;
using CrossCoaching.Discord;
using CrossCoaching.Tests.Discord.Rest.Support;

namespace CrossCoaching.Tests.Discord.Rest;

public sealed class MultipartTests : IDisposable
{
    private static readonly byte[] Ics = Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF];
    private readonly RestHarness _rest = new();

    public void Dispose() => _rest.Dispose();

    private static MessageSpec WithFiles() => MessageSpec.Text("Your sessions") with
    {
        Files =
        [
            new FileAttachment("sessions.ics", "text/calendar", Ics, "Calendar"),
            new FileAttachment("chart.png", "image/png", Png),
        ],
    };

    [Fact]
    public async Task Files_go_as_multipart_with_payload_json_and_one_part_per_file()
    {
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.Message());

        await _rest.Client.CreateMessageAsync(new Snowflake(5), WithFiles());

        var request = _rest.Discord.Last();
        Assert.Equal("multipart/form-data", request.ContentType);
        var parts = await request.ReadPartsAsync();
        Assert.Equal(["payload_json", "files[0]", "files[1]"], parts.Select(p => p.Name));
        Assert.StartsWith("application/json", parts[0].ContentType);
        JsonAssert.Equal(
            """
            {"content":"Your sessions","allowed_mentions":{"parse":[],"users":[]},
             "attachments":[{"id":0,"filename":"sessions.ics","description":"Calendar"},{"id":1,"filename":"chart.png"}]}
            """,
            System.Text.Json.Nodes.JsonNode.Parse(parts[0].Text)!);
        Assert.Equal(("sessions.ics", "text/calendar"), (parts[1].FileName, parts[1].ContentType));
        Assert.Equal(Ics, parts[1].Content);
        Assert.Equal(("chart.png", "image/png"), (parts[2].FileName, parts[2].ContentType));
        Assert.Equal(Png, parts[2].Content);
    }

    [Fact]
    public async Task A_reply_with_a_file_puts_the_whole_callback_in_payload_json()
    {
        var token = RestHarness.InteractionToken;
        _rest.Discord.On("POST", $"interactions/7/{token}/callback", _ => Reply.NoContent());
        var spec = MessageSpec.Text("Here") with { Files = [new FileAttachment("a.txt", "text/plain", "hi"u8.ToArray())] };

        await _rest.Client.CreateInteractionResponseAsync(new Snowflake(7), token, InteractionCallback.Reply(spec, ephemeral: true));

        var parts = await _rest.Discord.Last().ReadPartsAsync();
        JsonAssert.Equal(
            """
            {"type":4,"data":{"content":"Here","allowed_mentions":{"parse":[],"users":[]},
             "attachments":[{"id":0,"filename":"a.txt"}],"flags":64}}
            """,
            System.Text.Json.Nodes.JsonNode.Parse(parts[0].Text)!);
        Assert.Equal(("files[0]", "a.txt", "hi"), (parts[1].Name, parts[1].FileName, parts[1].Text));
    }

    [Fact]
    public async Task A_retried_upload_sends_the_same_parts_again()
    {
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.ServerError(500));
        _rest.Discord.On("POST", "channels/5/messages", _ => Reply.Message());

        var sending = _rest.Client.CreateMessageAsync(new Snowflake(5), WithFiles());
        await _rest.Clock.WaitForPendingAsync(1);
        _rest.Clock.Advance(TimeSpan.FromSeconds(1));
        await sending;

        var first = await _rest.Discord.Requests[0].ReadPartsAsync();
        var second = await _rest.Discord.Requests[1].ReadPartsAsync();
        Assert.Equal(first.Select(p => (p.Name, p.FileName, p.Text)), second.Select(p => (p.Name, p.FileName, p.Text)));
    }
}
