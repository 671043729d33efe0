using System.Text;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Progress.Pictures;

namespace CrossCoaching.Managers;

/// <summary>
/// The list message of <c>/coaching pairs</c> and its buttons. Every custom id carries the id of the manager who ran the
/// command (only they may press) and the page it belongs to (<see cref="PairsPage.From"/>), so a press works from the
/// message alone, after a restart too.
/// </summary>
public static class PairsView
{
    public const string Prefix = "mpairs";

    public static MessageSpec List(PairsPage page, Snowflake manager, Lang lang, string? notice = null)
    {
        var text = new StringBuilder();
        if (notice is not null)
            text.AppendLine(notice).AppendLine();
        if (page.Pairs.Count == 0)
            return MessageSpec.Text(text.Append(ManagersTexts.NoPairs[lang]).ToString()) with { Components = [] };

        text.AppendLine(ManagersTexts.Heading.Format(lang, page.First, page.First + page.Pairs.Count - 1, page.Total));
        for (var i = 0; i < page.Pairs.Count; i++)
            text.AppendLine(Line(i + 1, page.Pairs[i], lang));
        text.AppendLine().Append(ManagersTexts.AtRiskRule.Format(lang, PairHealthRule.QuietWeeks));

        var ends = page.Pairs.Select((h, i) =>
            new Button(ButtonStyle.Secondary, ManagersTexts.EndButton.Format(lang, i + 1), ComponentId.Create(Prefix, "end", manager, h.Pair.Id, page.From)));
        var pages = ActionRow.Of(
            new Button(ButtonStyle.Secondary, ManagersTexts.Previous[lang], ComponentId.Create(Prefix, "prev", manager, page.PreviousFrom ?? 0), Disabled: page.PreviousFrom is null),
            new Button(ButtonStyle.Secondary, ManagersTexts.Next[lang], ComponentId.Create(Prefix, "next", manager, page.NextFrom ?? 0), Disabled: page.NextFrom is null));
        return new MessageSpec(text.ToString().TrimEnd(), AllowedMentions.None, [new ActionRow([.. ends]), pages]);
    }

    public static MessageSpec Confirm(Pair pair, Snowflake manager, long from, Lang lang)
    {
        var (a, b) = Names(pair, lang);
        return new MessageSpec(ManagersTexts.ConfirmEnd.Format(lang, a, b), AllowedMentions.None,
        [
            ActionRow.Of(
                new Button(ButtonStyle.Danger, ManagersTexts.ConfirmButton[lang], ComponentId.Create(Prefix, "confirm", manager, pair.Id, from)),
                new Button(ButtonStyle.Secondary, ManagersTexts.CancelButton[lang], ComponentId.Create(Prefix, "back", manager, from))),
        ]);
    }

    /// <summary>The two partners' names, escaped, "a former member" for one who was forgotten.</summary>
    public static (string A, string B) Names(Pair pair, Lang lang) =>
        (Markdown.Name(FormerMember.Display(pair.MemberA, pair.NameA, lang)), Markdown.Name(FormerMember.Display(pair.MemberB, pair.NameB, lang)));

    private static string Line(int number, PairHealth health, Lang lang)
    {
        var parts = new List<string>();
        parts.Add(health.Risk switch
        {
            PairRisk.PartnerLeft => ManagersTexts.AtRiskPartnerLeft[lang],
            PairRisk.TwoMissed => ManagersTexts.AtRiskTwoMissed[lang],
            PairRisk.Quiet => ManagersTexts.AtRiskQuiet.Format(lang, PairHealthRule.QuietWeeks),
            _ => "",
        });
        parts.Add(health is { Last: { } last, LastOutcome: { } outcome }
            ? ManagersTexts.LastSession.Format(lang, $"<t:{last.SlotAt.ToUnixTimeSeconds()}:d>", PictureTexts.Label(outcome)[lang])
            : ManagersTexts.NoSessionYet[lang]);
        parts.Add(ManagersTexts.Streak.Format(lang, health.Streak));
        if (!health.HasRitual)
            parts.Add(ManagersTexts.NoRitual[lang]);
        else if (health.Paused)
            parts.Add(ManagersTexts.Paused[lang]);
        var (a, b) = Names(health.Pair, lang);
        return ManagersTexts.Line.Format(lang, number, a, b, string.Join(" · ", parts.Where(p => p.Length > 0)));
    }
}
