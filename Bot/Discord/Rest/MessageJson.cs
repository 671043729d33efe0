using CrossCoaching.Discord.Wire;

namespace CrossCoaching.Discord.Rest;

/// <summary>
/// <see cref="MessageSpec"/> → Discord's message JSON, the same for creating and editing messages, message callbacks,
/// the original response and followups.
/// </summary>
internal static class MessageJson
{
    public const int EphemeralFlag = 1 << 6;

    private const int ActionRowType = 1;
    private const int ButtonType = 2;

    /// <param name="edit">
    /// An edit states the whole message: missing components and embeds are sent as empty lists so that the old ones go
    /// (Discord keeps a field that is left out). Attachments already on the message are kept unless files are sent.
    /// </param>
    public static RestMessageBody ToWire(MessageSpec message, bool ephemeral = false, bool edit = false) => new(
        message.Content,
        new RestAllowedMentions([], [.. message.Mentions.Users]),
        message.Components is { } rows ? [.. rows.Select(ToWire)] : edit ? [] : null,
        message.Embeds is { } embeds ? [.. embeds.Select(ToWire)] : edit ? [] : null,
        message.Files is { Count: > 0 } files ? [.. files.Select((file, i) => new RestAttachmentRef(i, file.FileName, file.Description))] : null,
        ephemeral ? EphemeralFlag : null);

    private static RestComponent ToWire(ActionRow row) =>
        new(ActionRowType, Components: [.. row.Buttons.Select(ToWire)]);

    private static RestComponent ToWire(Button button) =>
        new(ButtonType, Style: (int)button.Style, Label: button.Label, CustomId: button.CustomId, Disabled: button.Disabled);

    private static RestEmbed ToWire(Embed embed) => new(
        embed.Title,
        embed.Description,
        embed.Color,
        embed.Fields is { } fields ? [.. fields.Select(f => new RestEmbedField(f.Name, f.Value, f.Inline))] : null,
        embed.Footer is { } footer ? new RestEmbedFooter(footer) : null,
        embed.Timestamp?.ToUniversalTime());
}
