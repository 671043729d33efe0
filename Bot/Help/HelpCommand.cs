using System.Globalization;
using System.Text;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace CrossCoaching.Help;

/// <summary><c>/help</c>: what the bot does and every registered command as a command mention, in the reader's language.</summary>
public sealed class HelpCommand(IServiceProvider services) : ISlashCommand
{
    public CommandDefinition Definition { get; } = new(
        "help", HelpTexts.CommandDescription.En, [],
        NameLocalizations: Localizations.French("aide"),
        DescriptionLocalizations: HelpTexts.CommandDescription.ToLocalizations());

    public Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var lang = context.Lang;
        // Resolved when asked, not injected: the router owns the list of commands, this one among them.
        var commands = services.GetServices<ISlashCommand>().Select(c => c.Definition).OrderBy(d => d.Name, StringComparer.Ordinal);
        var list = new StringBuilder();
        foreach (var command in commands)
            AppendCommand(list, command, lang);

        // The list goes in the description (up to 4096 characters), not in a field (1024): every subcommand has a line.
        var embed = new Embed(
            Title: HelpTexts.Title[lang],
            Description: $"{HelpTexts.Intro[lang]}\n\n**{HelpTexts.CommandsHeading[lang]}**\n{list.ToString().TrimEnd()}\n\n" +
                HelpTexts.ForManagers.Format(lang, Managers.ManagersTexts.AtRiskRule.Format(lang, Managers.PairHealthRule.QuietWeeks)),
            Color: 0x3BA55C,
            Footer: HelpTexts.Footer[lang]);
        return context.ReplyAsync(new MessageSpec(null, AllowedMentions.None, Embeds: [embed]), ephemeral: true, cancellationToken);
    }

    private static void AppendCommand(StringBuilder list, CommandDefinition command, Lang lang)
    {
        var subcommands = command.Options.Where(o => o.Type == CommandOptionType.SubCommand).ToList();
        if (subcommands.Count == 0)
        {
            list.Append(CultureInfo.InvariantCulture, $"{Mention(command.Name, lang)} — {Describe(command.Description, command.DescriptionLocalizations, lang)}\n");
            return;
        }

        foreach (var sub in subcommands)
            list.Append(CultureInfo.InvariantCulture, $"{Mention($"{command.Name} {sub.Name}", lang)} — {Describe(sub.Description, sub.DescriptionLocalizations, lang)}\n");
    }

    /// <summary>Clickable, in the reader's client language; written out in <paramref name="lang"/> until the id is known.</summary>
    private static string Mention(string path, Lang lang) => CommandMentions.Current.Mention(path, lang);

    private static string Describe(string english, Localizations? localized, Lang lang) =>
        lang != Lang.En && localized?.ByLocale.TryGetValue(lang.Code(), out var text) == true ? text : english;
}
