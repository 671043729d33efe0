using System.Text.Json.Nodes;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>Turns a validated message body into a recorded <see cref="EmulatedMessage"/>, and applies edits.</summary>
internal static class MessageFactory
{
    public static EmulatedMessage Create(
        World world, EmulatedChannel channel, JsonObject body, IReadOnlyList<UploadedFile> files, MessageSource source, Snowflake? interactionId = null, int extraFlags = 0)
    {
        var message = new EmulatedMessage(world.Ids.Next(), channel.Id, channel.GuildId, world.Bot.Id, source, world.Now) { InteractionId = interactionId };
        message.Flags = (JsonRead.Int(body["flags"]) ?? 0) | extraFlags;
        message.Nonce = body["nonce"] is JsonValue nonce ? nonce.ToString() : null;
        Apply(world, message, body, files);
        message.PingedUserIds = MentionResolver.Pinged(world, channel, message.Content, message.AllowedMentions, message.Flags);
        world.Messages[message.Id] = message;
        world.Record.Messages.Add(message);
        channel.LastMessageId = message.Id;
        if (!message.IsEphemeral)
            Announce(world, channel, message, "MESSAGE_CREATE");
        return message;
    }

    /// <summary>
    /// An edit replaces the fields it gives; mentions added by an edit do not notify anyone (Discord does not re-ping).
    /// EPHEMERAL in an edit's flags changes nothing: "an existing message's ephemeral state cannot be changed"
    /// (https://discord.com/developers/docs/interactions/receiving-and-responding#create-followup-message).
    /// </summary>
    public static void Edit(World world, EmulatedChannel channel, EmulatedMessage message, JsonObject body, IReadOnlyList<UploadedFile> files)
    {
        var wasLoading = message.IsLoading;
        Apply(world, message, body, files);
        const int Kept = MessageValidator.Ephemeral | MessageValidator.Loading;
        if (body["flags"] is { } flags)
            message.Flags = (message.Flags & Kept) | ((JsonRead.Int(flags) ?? 0) & ~MessageValidator.Ephemeral);
        message.Flags &= ~MessageValidator.Loading;
        if (wasLoading)
            message.PingedUserIds = MentionResolver.Pinged(world, channel, message.Content, message.AllowedMentions, message.Flags);
        message.EditedAt = wasLoading ? null : world.Now;
        message.AddEdit(new MessageEdit(world.Now, (JsonObject)body.DeepClone()));
        if (!message.IsEphemeral)
            Announce(world, channel, message, "MESSAGE_UPDATE");
    }

    private static void Apply(World world, EmulatedMessage message, JsonObject body, IReadOnlyList<UploadedFile> files)
    {
        if (body.ContainsKey("content"))
            message.Content = JsonRead.Str(body["content"]) ?? "";
        if (body.ContainsKey("components"))
            message.Components = body["components"]?.DeepClone() as JsonArray ?? [];
        if (body.ContainsKey("embeds"))
            message.Embeds = body["embeds"]?.DeepClone() as JsonArray ?? [];
        if (body.ContainsKey("allowed_mentions"))
            message.AllowedMentions = body["allowed_mentions"]?.DeepClone();
        message.MentionedUserIds = MentionResolver.Mentioned(message.Content);
        if (files.Count > 0)
        {
            var described = body["attachments"] as JsonArray ?? [];
            message.Attachments = files.Select(f => new EmulatedAttachment(world.Ids.Next(), f.FileName, f.ContentType, f.Content,
                JsonRead.Str(described.FirstOrDefault(a => NamesFile(a, f))?["description"]))).ToList();
        }
        else if (body["attachments"] is JsonArray { Count: 0 })
        {
            message.Attachments = [];
        }
    }

    /// <summary>An attachment entry's id may be a number or a string, as any snowflake-typed field.</summary>
    private static bool NamesFile(JsonNode? attachment, UploadedFile file) =>
        long.TryParse(attachment?["id"]?.ToString(), out var id) && id == file.Index;

    private static void Announce(World world, EmulatedChannel channel, EmulatedMessage message, string eventName) =>
        world.Gateway.Dispatch(eventName, MessageJson.Of(message, world, withGuildId: true), channel.GuildId,
            channel.GuildId is null ? Intents.DirectMessages : Intents.GuildMessages);
}
