using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;

namespace CrossCoaching.Progress;

/// <summary>The messages of a round's end, in one language.</summary>
public static class RoundMessages
{
    /// <summary>Custom-id prefix of Continue / Keep going / Stop: <c>round:continue:{pairId}:{round}</c>.</summary>
    public const string Prefix = "round";

    /// <summary>"Keep going, stop asking": a Continue that also stops the questions of the rounds after this one.</summary>
    public const string KeepGoing = "keep";

    public static string ButtonId(RoundAnswer answer, long pairId, int round) =>
        ComponentId.Create(Prefix, answer == RoundAnswer.Continue ? "continue" : "stop", pairId, round);

    public static ActionRow Buttons(Pair pair, Lang lang) => ActionRow.Of(
        new Button(ButtonStyle.Success, ProgressTexts.ContinueButton[lang], ButtonId(RoundAnswer.Continue, pair.Id, pair.RoundNumber)),
        new Button(ButtonStyle.Primary, ProgressTexts.KeepGoingButton[lang], ComponentId.Create(Prefix, KeepGoing, pair.Id, pair.RoundNumber)),
        new Button(ButtonStyle.Danger, ProgressTexts.StopButton[lang], ButtonId(RoundAnswer.Stop, pair.Id, pair.RoundNumber)));

    /// <param name="strip">The round's picture (see <see cref="Pictures.ProgressPictures"/>); Discord shows it between the text and the buttons.</param>
    public static MessageSpec Question(RoundState state, PairStats stats, Snowflake to, Lang lang, FileAttachment? strip = null)
    {
        var pair = state.Pair;
        var text = ProgressTexts.Question.Format(lang, pair.RoundNumber, Markdown.Name(pair.NameOf(pair.PartnerOf(to))), state.Progress.Length, Summary(stats, lang));
        return new MessageSpec(text, AllowedMentions.None, [Buttons(pair, lang)], Files: strip is null ? null : [strip]);
    }

    /// <summary>Sent when a week went by without both answers: buttons again for whoever has not answered.</summary>
    public static MessageSpec Paused(RoundState state, Snowflake to, Lang lang)
    {
        var pair = state.Pair;
        var partner = Markdown.Name(pair.NameOf(pair.PartnerOf(to)));
        return state.HasAnswered(to)
            ? MessageSpec.Text(ProgressTexts.PausedAwaitingPartner.Format(lang, partner, pair.RoundNumber))
            : new MessageSpec(ProgressTexts.PausedAwaitingYou.Format(lang, partner, pair.RoundNumber), AllowedMentions.None, [Buttons(pair, lang)]);
    }

    public static string Summary(PairStats stats, Lang lang) =>
        ProgressTexts.Summary.Format(lang, stats.Held, stats.Partial, stats.Missed, stats.MinutesTogether, stats.LongestStreak);
}
