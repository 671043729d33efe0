namespace CrossCoaching.Discord.Wire;

/// <summary>
/// A message to create or edit, and the <c>data</c> of message interaction callbacks. <c>allowed_mentions</c> is
/// always present so that no message pings by accident.
/// </summary>
internal sealed record RestMessageBody(
    string? Content,
    RestAllowedMentions AllowedMentions,
    IReadOnlyList<RestComponent>? Components,
    IReadOnlyList<RestEmbed>? Embeds,
    IReadOnlyList<RestAttachmentRef>? Attachments,
    int? Flags,
    string? Nonce = null,
    bool? EnforceNonce = null);

/// <summary><c>parse</c> is always empty: only the users listed may be pinged.</summary>
internal sealed record RestAllowedMentions(IReadOnlyList<string> Parse, IReadOnlyList<Snowflake> Users);

/// <summary>
/// Any component we send: an action row (1) of buttons (2), a label (18) around a text input (4). One flat record
/// keeps the generated JSON simple; unset fields are left out.
/// </summary>
internal sealed record RestComponent(
    int Type,
    IReadOnlyList<RestComponent>? Components = null,
    RestComponent? Component = null,
    int? Style = null,
    string? Label = null,
    string? CustomId = null,
    bool? Disabled = null,
    int? MinLength = null,
    int? MaxLength = null,
    bool? Required = null,
    string? Value = null,
    string? Placeholder = null);

internal sealed record RestEmbed(
    string? Title,
    string? Description,
    int? Color,
    IReadOnlyList<RestEmbedField>? Fields,
    RestEmbedFooter? Footer,
    DateTimeOffset? Timestamp);

internal sealed record RestEmbedField(string Name, string Value, bool Inline);

internal sealed record RestEmbedFooter(string Text);

/// <summary>Metadata of an uploaded file; <c>id</c> is the index of its <c>files[n]</c> part.</summary>
internal sealed record RestAttachmentRef(int Id, string Filename, string? Description);

/// <summary>An interaction callback; <c>data</c>'s shape depends on the type.</summary>
internal sealed record RestCallback(int Type, object? Data);

internal sealed record RestDeferData(int Flags);

internal sealed record RestAutocompleteData(IReadOnlyList<RestAutocompleteChoice> Choices);

internal sealed record RestAutocompleteChoice(string Name, string Value);

internal sealed record RestModalData(string CustomId, string Title, IReadOnlyList<RestComponent> Components);
