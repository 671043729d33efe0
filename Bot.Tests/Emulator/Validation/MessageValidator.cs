using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Checks a message body (create message, interaction reply, followup, edits) as Discord does
/// (https://discord.com/developers/docs/resources/message#create-message).
/// </summary>
internal static class MessageValidator
{
    public const int SuppressEmbeds = 1 << 2;
    public const int Ephemeral = 1 << 6;
    public const int Loading = 1 << 7;
    public const int SuppressNotifications = 1 << 12;
    public const int VoiceMessage = 1 << 13;
    public const int ComponentsV2 = 1 << 15;

    /// <summary>Flags a channel message may set; interaction replies and followups may add EPHEMERAL.</summary>
    public const int ChannelFlags = SuppressEmbeds | SuppressNotifications | VoiceMessage | ComponentsV2;

    public const int InteractionFlags = ChannelFlags | Ephemeral;

    /// <summary>Checks the fields; <paramref name="creating"/> also refuses an empty message (50006).</summary>
    public static void Check(JsonObject body, string path, int allowedFlags, bool creating, int fileCount)
    {
        var errors = new FormErrors();
        string At(string key) => CommandValidator.Join(path, key);
        errors.CheckLength(body["content"], At("content"), 0, 2000, required: false);
        if (body["nonce"] is { } nonce && !JsonRead.IsNumber(nonce))
            errors.CheckLength(nonce, At("nonce"), 0, 25, required: false);
        var flags = body["flags"] is null ? 0 : JsonRead.Int(body["flags"]) ?? -1;
        if (flags < 0 || (flags & ~allowedFlags) != 0)
            errors.Add(At("flags"), "MESSAGE_FLAGS_INVALID", $"Only flags {allowedFlags} may be set here.");
        EmbedValidator.Check(body["embeds"], At("embeds"), errors);
        AllowedMentionsValidator.Check(body["allowed_mentions"], At("allowed_mentions"), errors);
        ComponentValidator.CheckMessage(body["components"], At("components"), (flags & ComponentsV2) != 0, errors);
        if (body["tts"] is { } tts && JsonRead.Bool(tts) is null)
            errors.Add(At("tts"), "BASE_TYPE_BAD_TYPE", "Must be a boolean.");
        if (body["attachments"] is { } attachments && attachments is not JsonArray)
            errors.Add(At("attachments"), "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
        errors.ThrowIfAny();
        if (creating && IsEmpty(body, fileCount))
            throw DiscordError.BadRequest(50006);
    }

    private static bool IsEmpty(JsonObject body, int fileCount) =>
        string.IsNullOrEmpty(JsonRead.Str(body["content"]))
        && body["embeds"] is not JsonArray { Count: > 0 }
        && body["components"] is not JsonArray { Count: > 0 }
        && body["sticker_ids"] is not JsonArray { Count: > 0 }
        && body["poll"] is null
        && fileCount == 0;
}
