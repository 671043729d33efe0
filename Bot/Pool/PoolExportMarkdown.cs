using System.Globalization;
using System.Text;
using CrossCoaching.Localization;

namespace CrossCoaching.Pool;

/// <summary>The pool's part of <c>/me export</c>'s Markdown, in the member's language.</summary>
public static class PoolExportMarkdown
{
    public static string Render(ExportPool pool, Lang lang)
    {
        ArgumentNullException.ThrowIfNull(pool);
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');

        Line();
        Line(PoolTexts.MdPool[lang]);
        Line();
        if (pool.Entry is { } e)
        {
            Line(PoolTexts.MdEntry.Format(lang, e.Windows, e.TimeZone, e.Languages, e.SomeoneNew ? PoolTexts.MdSomeoneNew[lang] : "", When(e.JoinedAt), When(e.ExpiresAt)));
        }

        foreach (var b in pool.Blocks)
            Line(PoolTexts.MdBlock.Format(lang, b.BlockedMemberId, When(b.BlockedAt)));
        foreach (var p in pool.Proposals)
            Line(PoolTexts.MdProposal.Format(lang, p.OtherMemberId, When(p.Slot), Word(p.Status, lang), Word(p.YourAnswer, lang), When(p.ProposedAt)));
        foreach (var d in pool.Declines)
            Line(PoolTexts.MdDecline.Format(lang, d.OtherMemberId, When(d.DeclinedAt)));
        return md.ToString();
    }

    private static string Word(string? code, Lang lang) => (code switch
    {
        "accepted" => PoolTexts.MdAccepted,
        "declined" => PoolTexts.MdDeclined,
        "pending" => PoolTexts.MdPending,
        "expired" => PoolTexts.MdExpired,
        _ => PoolTexts.MdNoAnswer,
    })[lang];

    private static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
