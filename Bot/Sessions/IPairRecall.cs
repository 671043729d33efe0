using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;

namespace CrossCoaching.Sessions;

/// <summary>
/// What the pair said last time, for the reminder and the room's welcome. Takeaways implements it: sessions only
/// need a line of text, not how takeaways are stored or who may read which.
/// </summary>
public interface IPairRecall
{
    /// <summary>A line ("Last time: …") of the pair's latest takeaways both partners can read, or null when there are none.</summary>
    Task<string?> LastTimeAsync(Pair pair, Lang lang, CancellationToken cancellationToken = default);
}

public static class PairRecall
{
    /// <summary>The message with the recall line under it, when there is one.</summary>
    public static MessageSpec With(MessageSpec message, string? recall) =>
        recall is null ? message : message with { Content = message.Content + "\n" + recall };
}
