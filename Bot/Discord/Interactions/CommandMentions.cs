using System.Text.RegularExpressions;
using CrossCoaching.Localization;

namespace CrossCoaching.Discord.Interactions;

/// <summary>A command as Discord holds it after a registration: its id is what a command mention needs.</summary>
public sealed record RegisteredCommand(Snowflake Id, string Name);

/// <summary>
/// Our texts name commands as <c>&lt;/ritual set&gt;</c>; each reader then gets a Discord command mention
/// <c>&lt;/ritual set:ID&gt;</c>, which every client shows clickable and in its own language
/// (https://discord.com/developers/docs/reference#message-formatting). Until the id is known (before the first
/// registration) the name is written out as code, in the reader's language.
/// </summary>
/// <remarks>
/// One per process, reached statically: <see cref="LocalizedText"/> renders the templates wherever a text is read, so no
/// call site has to pass mentions around. Only templates are rendered, never what is inserted into them, and user text
/// is escaped (<c>&lt;</c> gets a zero-width space), so a member can never write a mention the bot would resolve.
/// </remarks>
public sealed partial class CommandMentions
{
    public static CommandMentions Current { get; } = new();

    private volatile Dictionary<string, string> _french = new Dictionary<string, string>(StringComparer.Ordinal);
    private volatile Dictionary<string, Snowflake> _ids = new Dictionary<string, Snowflake>(StringComparer.Ordinal);

    /// <summary>Learns every command path ("ritual set") and its French spelling from the definitions.</summary>
    public void LearnNames(IEnumerable<CommandDefinition> definitions)
    {
        var french = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var command in definitions)
        {
            var name = French(command.Name, command.NameLocalizations);
            french[command.Name] = name;
            foreach (var sub in command.Options.Where(o => o.Type == CommandOptionType.SubCommand))
                french[$"{command.Name} {sub.Name}"] = $"{name} {French(sub.Name, sub.NameLocalizations)}";
        }

        _french = french;
    }

    /// <summary>The top-level commands' ids, as the last registration returned them (a subcommand shares its command's id).</summary>
    public void LearnIds(IEnumerable<RegisteredCommand> commands) =>
        _ids = commands.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Id, StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Snowflake> Ids => _ids;

    /// <summary>The mention of a command path such as <c>ritual set</c>, or its name as code when its id is unknown.</summary>
    public string Mention(string path, Lang lang)
    {
        var top = path.Split(' ', 2)[0];
        if (_ids.TryGetValue(top, out var id))
            return $"</{path}:{id}>";
        var name = lang == Lang.Fr && _french.TryGetValue(path, out var french) ? french : path;
        return $"`/{name}`";
    }

    /// <summary>Replaces every <c>&lt;/path&gt;</c> of a template by its mention.</summary>
    public string Render(string template, Lang lang) =>
        template.Contains("</", StringComparison.Ordinal) ? Token().Replace(template, m => Mention(m.Groups[1].Value, lang)) : template;

    private static string French(string name, Localizations? localizations) =>
        localizations?.ByLocale.TryGetValue("fr", out var french) == true ? french : name;

    /// <summary>A command path of one to three lowercase English names, with no id yet.</summary>
    [GeneratedRegex(@"</([a-z][a-z0-9_-]*(?: [a-z][a-z0-9_-]*){0,2})>")]
    private static partial Regex Token();
}
