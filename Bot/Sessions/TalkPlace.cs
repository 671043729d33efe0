using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;

namespace CrossCoaching.Sessions;

/// <summary>
/// Where a pair talks. <see cref="Discord"/>: in the private voice room the bot opens. Every other place is outside
/// Discord: no room is opened, the reminder comes as usual and a one-click check-in after the slot records the talk.
/// The codes are stored (<c>rituals.place</c>, <c>sessions.place</c>) and never change once shipped.
/// </summary>
public enum TalkPlace
{
    Discord,
    Phone,
    Walk,
    InPerson,
    Elsewhere,
}

public static class TalkPlaces
{
    public static readonly IReadOnlyList<TalkPlace> All = Enum.GetValues<TalkPlace>();

    public static bool IsOutsideDiscord(this TalkPlace place) => place != TalkPlace.Discord;

    public static string Code(this TalkPlace place) => place switch
    {
        TalkPlace.InPerson => "in_person",
        _ => place.ToString().ToLowerInvariant(),
    };

    public static bool TryParse(string? code, out TalkPlace place)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), code, StringComparison.Ordinal))
            {
                place = candidate;
                return true;
            }
        }

        place = TalkPlace.Discord;
        return false;
    }

    public static TalkPlace Parse(string code) =>
        TryParse(code, out var place) ? place : throw new InvalidOperationException($"Unknown place '{code}'.");

    /// <summary>The place as a choice of <c>/ritual set place:</c>.</summary>
    public static IReadOnlyList<CommandChoice> Choices() =>
        [.. All.Select(p => new CommandChoice(PlaceTexts.Choice(p).En, p.Code(), PlaceTexts.Choice(p).ToLocalizations()))];

    /// <summary>"by phone", "on a walk"… as it ends a sentence; empty for the Discord room.</summary>
    public static string Words(this TalkPlace place, Lang lang) => PlaceTexts.Words(place)?[lang] ?? "";
}
