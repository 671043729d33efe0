using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>The message object (https://discord.com/developers/docs/resources/message#message-object).</summary>
internal static class MessageJson
{
    public static JsonObject Of(EmulatedMessage message, World world, bool withGuildId = false)
    {
        var author = world.Users.TryGetValue(message.AuthorId, out var user) ? user : world.Bot;
        var json = new JsonObject
        {
            ["id"] = message.Id.ToString(),
            ["type"] = message.Source == MessageSource.ChannelMessage ? 0 : 20,
            ["channel_id"] = message.ChannelId.ToString(),
            ["author"] = EntityJson.User(author),
            ["content"] = message.Content,
            ["timestamp"] = EntityJson.Iso(message.CreatedAt),
            ["edited_timestamp"] = message.EditedAt is { } edited ? EntityJson.Iso(edited) : null,
            ["tts"] = false,
            ["mention_everyone"] = false,
            ["mentions"] = new JsonArray(message.PingedUserIds
                .Where(world.Users.ContainsKey).Select(id => (JsonNode)EntityJson.User(world.Users[id])).ToArray()),
            ["mention_roles"] = new JsonArray(),
            ["attachments"] = new JsonArray(message.Attachments.Select(a => (JsonNode)Attachment(a, message)).ToArray()),
            ["embeds"] = message.Embeds.DeepClone(),
            ["components"] = message.Components.DeepClone(),
            ["pinned"] = false,
            ["flags"] = message.Flags,
        };
        if (message.Source != MessageSource.ChannelMessage)
        {
            json["webhook_id"] = world.ApplicationId.ToString();
            json["application_id"] = world.ApplicationId.ToString();
        }
        if (message.Nonce is { } nonce)
            json["nonce"] = nonce;
        if (withGuildId && message.GuildId is { } guildId)
            json["guild_id"] = guildId.ToString();
        return json;
    }

    private static JsonObject Attachment(EmulatedAttachment attachment, EmulatedMessage message)
    {
        var url = $"https://cdn.discordapp.com/attachments/{message.ChannelId}/{attachment.Id}/{Uri.EscapeDataString(attachment.FileName)}";
        return new JsonObject
        {
            ["id"] = attachment.Id.ToString(),
            ["filename"] = attachment.FileName,
            ["description"] = attachment.Description,
            ["content_type"] = attachment.ContentType,
            ["size"] = attachment.Content.Length,
            ["url"] = url,
            ["proxy_url"] = url.Replace("cdn.discordapp.com", "media.discordapp.net", StringComparison.Ordinal),
        };
    }
}
