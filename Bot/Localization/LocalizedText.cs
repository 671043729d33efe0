using System.Globalization;
using CrossCoaching.Discord.Interactions;

namespace CrossCoaching.Localization;

/// <summary>
/// One text in every language the bot speaks. The constructor takes all of them, so a missing translation does not
/// compile; placeholders are <c>{0}</c>, <c>{1}</c>… and must match across languages (a test checks every text).
/// </summary>
public sealed record LocalizedText(string En, string Fr)
{
    /// <summary>The text in <paramref name="lang"/>, the commands it names (<c>&lt;/ritual set&gt;</c>) turned into mentions.</summary>
    public string this[Lang lang] => CommandMentions.Current.Render(lang == Lang.Fr ? Fr : En, lang);

    public string Format(Lang lang, params object?[] args) =>
        args.Length == 0 ? this[lang] : string.Format(CultureInfo.InvariantCulture, this[lang], args);

    /// <summary>The French variant as Discord's localization map for a command name or description.</summary>
    public Localizations ToLocalizations() => Localizations.French(Fr);
}
