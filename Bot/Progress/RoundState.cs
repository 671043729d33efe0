using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;

namespace CrossCoaching.Progress;

/// <summary>
/// A pair's current round as stored: its progress, the session its Continue / Stop question is keyed on (the one
/// that completed it, or the one the question was already asked on), when that question went out, and the answers.
/// </summary>
public sealed record RoundState(
    Pair Pair,
    RoundProgress Progress,
    IReadOnlyList<Session> Sessions,
    Session? Key,
    DateTimeOffset? AskedAt,
    IReadOnlyDictionary<Snowflake, RoundAnswer> Answers)
{
    /// <summary>The round is over and waits for its answers (or has them).</summary>
    public bool IsOver => Key is not null;

    public bool HasAnswered(Snowflake member) => Answers.ContainsKey(member);

    public bool BothContinue => Pair.Members.All(m => Answers.TryGetValue(m, out var a) && a == RoundAnswer.Continue);
}
