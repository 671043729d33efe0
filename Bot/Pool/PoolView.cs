using System.Globalization;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Pool.Matching;

namespace CrossCoaching.Pool;

/// <summary>A member's entry as <c>/pair</c> shows it: in words, with Change / Leave, and a proposal awaiting them.</summary>
public static class PoolView
{
    public static MessageSpec Entry(PoolEntry entry, string header, PoolProposal? pending, PoolEntry? other, int minutes, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = header + "\n" + PoolEntryTexts.EntryLine.Format(lang, Windows(entry.Windows, lang), entry.TimeZone, Languages(entry.Languages, lang),
            entry.SomeoneNew ? PoolEntryTexts.SomeoneNewMark[lang] : "", Timestamps.Of(entry.ExpiresAt, 'D'));
        List<ActionRow> rows =
        [
            ActionRow.Of(
                new Button(ButtonStyle.Secondary, PoolEntryTexts.ChangeButton[lang], ComponentId.Create(PoolButtons.Prefix, "change")),
                new Button(ButtonStyle.Danger, PoolEntryTexts.LeaveButton[lang], ComponentId.Create(PoolButtons.Prefix, "leave"))),
        ];
        if (pending is not null && other is not null)
        {
            var proposal = PoolLetters.ProposalSpec(pending, entry, other, minutes, lang);
            text += "\n\n" + ProposalTexts.Pending.Format(lang, Timestamps.Of(pending.ExpiresAt, 'f')) + "\n" + proposal.Content;
            rows.AddRange(proposal.Components ?? []);
        }

        return new MessageSpec(text, AllowedMentions.None, rows);
    }

    /// <summary>"Monday 18:00–20:00, Thursday 07:30–08:30", in the member's own zone.</summary>
    public static string Windows(IEnumerable<PoolWindow> windows, Lang lang) =>
        string.Join(", ", windows.Select(w => string.Create(CultureInfo.InvariantCulture, $"{lang.DayName(w.Day)} {w.Start:HH\\:mm}–{w.End:HH\\:mm}")));

    public static string Languages(PoolLanguages languages, Lang lang) => (languages switch
    {
        PoolLanguages.English => PoolEntryTexts.English,
        PoolLanguages.French => PoolEntryTexts.French,
        _ => PoolEntryTexts.Both,
    })[lang];
}
