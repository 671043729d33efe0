using System.Text.Json;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Discord;

public sealed class FileAttachmentTests
{
    [Fact]
    public void A_file_attachment_round_trips_through_System_Text_Json_with_its_bytes_and_description()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 255];
        var file = new FileAttachment("ritual.png", "image/png", png, "Current streak: 3");

        var back = JsonSerializer.Deserialize<FileAttachment>(JsonSerializer.Serialize(file))!;

        Assert.Equal((file.FileName, file.ContentType, file.Description), (back.FileName, back.ContentType, back.Description));
        Assert.Equal(png, back.Content);
    }
}
