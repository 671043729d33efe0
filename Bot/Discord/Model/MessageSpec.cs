namespace CrossCoaching.Discord;

/// <summary>
/// Who a message may ping. Every message we send states it explicitly: nobody by default, and only the users listed.
/// <c>@everyone</c>, <c>@here</c> and role mentions never ping.
/// </summary>
public sealed record AllowedMentions(IReadOnlyList<Snowflake> Users)
{
    public static AllowedMentions None { get; } = new([]);

    public static AllowedMentions Only(params Snowflake[] users) => new(users);
}

public enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
}

/// <summary>An interactive button; <paramref name="CustomId"/> (1–100 characters) routes its press.</summary>
public sealed record Button(ButtonStyle Style, string Label, string CustomId, bool Disabled = false);

/// <summary>A row of up to five buttons.</summary>
public sealed record ActionRow(IReadOnlyList<Button> Buttons)
{
    public static ActionRow Of(params Button[] buttons) => new(buttons);
}

public sealed record EmbedField(string Name, string Value, bool Inline = false);

public sealed record Embed(
    string? Title = null,
    string? Description = null,
    int? Color = null,
    IReadOnlyList<EmbedField>? Fields = null,
    string? Footer = null,
    DateTimeOffset? Timestamp = null);

/// <summary>
/// A file sent with a message (multipart upload). <paramref name="Description"/> is the attachment's alt text, read out
/// by screen readers (at most 1024 characters). A plain record with the bytes as an array, so that a message waiting
/// to be sent can be stored as JSON and read back whole.
/// </summary>
public sealed record FileAttachment(string FileName, string ContentType, byte[] Content, string? Description = null);

/// <summary>A message to send or an edit to make. <see cref="Mentions"/> is required so that no message pings by accident.</summary>
public sealed record MessageSpec(
    string? Content,
    AllowedMentions Mentions,
    IReadOnlyList<ActionRow>? Components = null,
    IReadOnlyList<Embed>? Embeds = null,
    IReadOnlyList<FileAttachment>? Files = null)
{
    /// <summary>Plain text that pings nobody.</summary>
    public static MessageSpec Text(string content) => new(content, AllowedMentions.None);
}

public enum TextInputStyle
{
    Short = 1,
    Paragraph = 2,
}

public sealed record TextInput(
    string CustomId,
    string Label,
    TextInputStyle Style,
    int? MinLength = null,
    int? MaxLength = null,
    bool Required = true,
    string? Value = null,
    string? Placeholder = null);

/// <summary>A modal dialog (title ≤ 45 characters, 1–5 inputs).</summary>
public sealed record Modal(string CustomId, string Title, IReadOnlyList<TextInput> Inputs);

public sealed record AutocompleteChoice(string Name, string Value);
