using System.Globalization;
using System.Text.Json;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Discord.Wire;

namespace CrossCoaching.Discord.Rest;

/// <summary>
/// <see cref="CommandDefinition"/> → an application command for the bulk overwrite
/// (https://discord.com/developers/docs/interactions/application-commands#application-command-object).
/// </summary>
internal static class CommandJson
{
    private const int ChatInputType = 1;

    /// <summary>Our commands are used in guilds only: context GUILD (0), installed to guilds (0).</summary>
    private static readonly int[] GuildOnly = [0];

    public static IReadOnlyList<RestCommand> ToWire(IReadOnlyList<CommandDefinition> commands) => [.. commands.Select(ToWire)];

    /// <summary>The bulk overwrite's body, byte for byte: what is sent, and what the registrar remembers having sent.</summary>
    public static byte[] Serialize(IReadOnlyList<CommandDefinition> commands) =>
        JsonSerializer.SerializeToUtf8Bytes(ToWire(commands), RestJsonContext.Default.IReadOnlyListRestCommand);

    public static RestCommand ToWire(CommandDefinition command) => new(
        ChatInputType,
        command.Name,
        command.Description,
        command.NameLocalizations?.ByLocale,
        command.DescriptionLocalizations?.ByLocale,
        command.Options.Count > 0 ? [.. command.Options.Select(ToWire)] : null,
        // A bitset as a decimal string; null lets everyone use the command.
        command.DefaultMemberPermissions is { } permissions ? RestMapping.Text(permissions) : null,
        GuildOnly,
        GuildOnly);

    private static RestCommandOption ToWire(CommandOption option) => new(
        (int)option.Type,
        option.Name,
        option.Description,
        option.NameLocalizations?.ByLocale,
        option.DescriptionLocalizations?.ByLocale,
        option.Required ? true : null,
        option.Choices is { Count: > 0 } choices ? [.. choices.Select(c => ToWire(c, option))] : null,
        option.Options is { Count: > 0 } options ? [.. options.Select(ToWire)] : null,
        option.Autocomplete ? true : null,
        option.MinLength,
        option.MaxLength,
        option.MinValue,
        option.MaxValue,
        option.ChannelTypes is { Count: > 0 } types ? [.. types.Select(t => (int)t)] : null);

    /// <summary>A choice's value has the option's type: a number for INTEGER and NUMBER options, else a string.</summary>
    private static RestCommandChoice ToWire(CommandChoice choice, CommandOption option) => new(
        choice.Name,
        option.Type switch
        {
            CommandOptionType.Integer => long.Parse(choice.Value, NumberStyles.Integer, CultureInfo.InvariantCulture),
            CommandOptionType.Number => double.Parse(choice.Value, NumberStyles.Float, CultureInfo.InvariantCulture),
            _ => choice.Value,
        },
        choice.NameLocalizations?.ByLocale);
}
