namespace CrossCoaching.Discord.Interactions;

public enum CommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}

/// <summary>Localized variants of a name or description, keyed by Discord locale (<c>fr</c>).</summary>
public sealed record Localizations(IReadOnlyDictionary<string, string> ByLocale)
{
    public static Localizations French(string text) => new(new Dictionary<string, string> { ["fr"] = text });
}

public sealed record CommandChoice(string Name, string Value, Localizations? NameLocalizations = null);

/// <summary>An option of a slash command; a subcommand holds its own options.</summary>
public sealed record CommandOption(
    CommandOptionType Type,
    string Name,
    string Description,
    bool Required = false,
    IReadOnlyList<CommandChoice>? Choices = null,
    IReadOnlyList<CommandOption>? Options = null,
    bool Autocomplete = false,
    int? MinLength = null,
    int? MaxLength = null,
    long? MinValue = null,
    long? MaxValue = null,
    IReadOnlyList<ChannelType>? ChannelTypes = null,
    Localizations? NameLocalizations = null,
    Localizations? DescriptionLocalizations = null);

/// <summary>
/// A chat-input (slash) command as registered with Discord. Our commands are used in guilds only;
/// <paramref name="DefaultMemberPermissions"/> hides a command from members lacking those permissions.
/// </summary>
public sealed record CommandDefinition(
    string Name,
    string Description,
    IReadOnlyList<CommandOption> Options,
    Permissions? DefaultMemberPermissions = null,
    Localizations? NameLocalizations = null,
    Localizations? DescriptionLocalizations = null);
