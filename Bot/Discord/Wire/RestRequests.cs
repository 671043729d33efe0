using System.Text.Json.Serialization;

namespace CrossCoaching.Discord.Wire;

// Bodies the bot sends. Ids are Snowflakes (strings on the wire), permission bitsets decimal strings.

internal sealed record RestCreateChannel(
    string Name,
    ChannelType Type,
    Snowflake? ParentId,
    int? UserLimit,
    IReadOnlyList<RestOverwrite>? PermissionOverwrites);

internal sealed record RestCreateDm(Snowflake RecipientId);

/// <summary>A chat-input command for the bulk overwrite (<c>PUT …/commands</c>).</summary>
internal sealed record RestCommand(
    int Type,
    string Name,
    string Description,
    IReadOnlyDictionary<string, string>? NameLocalizations,
    IReadOnlyDictionary<string, string>? DescriptionLocalizations,
    IReadOnlyList<RestCommandOption>? Options,
    // Always written: null is meaningful ("everyone may use it").
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? DefaultMemberPermissions,
    IReadOnlyList<int> Contexts,
    IReadOnlyList<int> IntegrationTypes);

internal sealed record RestCommandOption(
    int Type,
    string Name,
    string Description,
    IReadOnlyDictionary<string, string>? NameLocalizations,
    IReadOnlyDictionary<string, string>? DescriptionLocalizations,
    bool? Required,
    IReadOnlyList<RestCommandChoice>? Choices,
    IReadOnlyList<RestCommandOption>? Options,
    bool? Autocomplete,
    int? MinLength,
    int? MaxLength,
    long? MinValue,
    long? MaxValue,
    IReadOnlyList<int>? ChannelTypes);

/// <summary><c>value</c> is a string, a long or a double, matching the option's type.</summary>
internal sealed record RestCommandChoice(string Name, object Value, IReadOnlyDictionary<string, string>? NameLocalizations);
