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

/// <summary>Embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).</summary>
internal static class EmbedValidator
{
    public static void Check(JsonNode? node, string path, FormErrors errors)
    {
        if (node is null)
            return;
        if (node is not JsonArray embeds)
        {
            errors.Add(path, "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
            return;
        }
        if (embeds.Count > 10)
            errors.MaxLength(path, 10);
        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            var at = $"{path}.{i}";
            if (embeds[i] is not JsonObject embed)
            {
                errors.Add(at, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
                continue;
            }
            errors.CheckLength(embed["title"], $"{at}.title", 0, 256, required: false);
            errors.CheckLength(embed["description"], $"{at}.description", 0, 4096, required: false);
            errors.CheckLength(embed["footer"]?["text"], $"{at}.footer.text", 1, 2048, required: embed["footer"] is not null);
            errors.CheckLength(embed["author"]?["name"], $"{at}.author.name", 1, 256, required: embed["author"] is not null);
            if (embed["color"] is { } color && JsonRead.Int(color) is not (>= 0 and <= 0xFFFFFF))
                errors.Add($"{at}.color", "NUMBER_TYPE_MAX", "Color must be between 0 and 16777215.");
            if (embed["timestamp"] is { } stamp && !DateTimeOffset.TryParse(JsonRead.Str(stamp), System.Globalization.CultureInfo.InvariantCulture, out _))
                errors.Add($"{at}.timestamp", "DATE_TIME_TYPE_PARSE", "Could not parse the timestamp. Should be ISO8601.");
            var fields = embed["fields"] as JsonArray ?? [];
            if (fields.Count > 25)
                errors.MaxLength($"{at}.fields", 25);
            for (var f = 0; f < fields.Count; f++)
            {
                errors.CheckLength(fields[f]?["name"], $"{at}.fields.{f}.name", 1, 256, required: true);
                errors.CheckLength(fields[f]?["value"], $"{at}.fields.{f}.value", 1, 1024, required: true);
            }
            total += Len(embed["title"]) + Len(embed["description"]) + Len(embed["footer"]?["text"]) + Len(embed["author"]?["name"])
                + fields.Sum(f => Len(f?["name"]) + Len(f?["value"]));
        }
        if (total > 6000)
            errors.Add(path, "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
    }

    private static int Len(JsonNode? node) => JsonRead.Str(node)?.Length ?? 0;
}

/// <summary>https://discord.com/developers/docs/resources/message#allowed-mentions-object</summary>
internal static class AllowedMentionsValidator
{
    private static readonly string[] Types = ["roles", "users", "everyone"];

    public static void Check(JsonNode? node, string path, FormErrors errors)
    {
        if (node is null)
            return;
        if (node is not JsonObject mentions)
        {
            errors.Add(path, "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
            return;
        }
        var parse = mentions["parse"] as JsonArray ?? [];
        if (mentions["parse"] is { } p && p is not JsonArray)
            errors.Add($"{path}.parse", "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
        for (var i = 0; i < parse.Count; i++)
        {
            if (!Types.Contains(JsonRead.Str(parse[i])))
                errors.Choices($"{path}.parse.{i}", "('roles', 'users', 'everyone')");
        }
        foreach (var kind in new[] { "users", "roles" })
        {
            if (mentions[kind] is not { } ids)
                continue;
            if (ids is not JsonArray list || list.Any(id => JsonRead.Id(id) is null))
                errors.Add($"{path}.{kind}", "LIST_TYPE_CONVERT", $"{kind} must be a list of ids.");
            else if (list.Count > 100)
                errors.MaxLength($"{path}.{kind}", 100);
            else if (list.Count > 0 && parse.Any(t => JsonRead.Str(t) == kind))
                errors.Add(path, "MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE", $"parse:[\"{kind}\"] and {kind}: [ids] are mutually exclusive.");
        }
    }
}
