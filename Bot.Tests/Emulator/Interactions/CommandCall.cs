using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// A user invoking a slash command (or typing in an option, when <see cref="Focused"/> names it: autocomplete).
/// <see cref="Locale"/> defaults to the user's own (<c>SetLocale</c>, "en-US" unless set).
/// </summary>
public sealed record CommandCall(Snowflake Guild, Snowflake Channel, Snowflake User, string Command)
{
    public string? Group { get; init; }

    public string? Subcommand { get; init; }

    public IReadOnlyList<CommandArg> Options { get; init; } = [];

    public string? Locale { get; init; }

    /// <summary>For autocomplete: the option being typed (its value in <see cref="Options"/> is the partial text).</summary>
    public string? Focused { get; init; }
}
