using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Progress.Pictures;
using CrossCoaching.Sessions;
using CrossCoaching.GuildSettings;

namespace CrossCoaching.Progress;

/// <summary>Reads where a pair's round stands and, once it is over, asks both partners whether to go on — once each.</summary>
public sealed class RoundKeeper(
    SessionRepository sessions,
    PairRepository pairs,
    QuietRounds quiet,
    GuildSettingsRepository settings,
    RoundRepository rounds,
    PairStatsReader stats,
    SessionNotifier notifier,
    Outbox outbox,
    ProgressPictures pictures,
    GuildLanguage languages)
{
    public async Task<RoundState> StateAsync(Pair pair, CancellationToken cancellationToken = default)
    {
        var all = await sessions.ListForPairAsync(pair.Id, cancellationToken);
        // The guild's current setting applies to the round in progress too; a question already asked stays asked.
        var length = (await settings.GetAsync(pair.GuildId, cancellationToken)).RoundLength;
        var progress = RoundProgress.Of(pair, all, length);
        var asked = await rounds.FindPromptAsync(progress.Counted.Select(s => s.Id), cancellationToken);
        var key = asked is { } a ? progress.Counted.First(s => s.Id == a.SessionId) : progress.LastOfRound;
        var answers = key is null ? new Dictionary<Discord.Snowflake, RoundAnswer>() : await rounds.AnswersAsync(pair.Id, pair.RoundNumber, cancellationToken);
        return new RoundState(pair, progress, all, key, asked?.SentAt, answers);
    }

    /// <summary>
    /// Sends the Continue / Stop question to each partner who has not had it for this round. Safe to call any number
    /// of times: each message is claimed once per partner on the round's key session.
    /// </summary>
    public async Task AskIfOverAsync(RoundState state, CancellationToken cancellationToken = default)
    {
        if (state.Key is not { } key || state.Pair.Status != PairStatus.Active)
            return;
        var pair = state.Pair;
        // Asked of both already (the reconciler passes by every round awaiting its answers): draw nothing.
        if (await AskedBothAsync(key, pair, cancellationToken))
            return;
        if (!await AskedAnyAsync(key, pair, cancellationToken) && await quiet.IsQuietAsync(pair.Id, cancellationToken))
        {
            await MoveOnQuietlyAsync(state, cancellationToken);
            return;
        }

        var lang = await languages.ForGuildAsync(pair.GuildId, cancellationToken);
        var record = await stats.ReadAsync(pair, pair.MemberA, state.Sessions, cancellationToken);
        var strip = await pictures.ForRoundAsync(state, record, lang, cancellationToken);
        // Through the outbox: this runs when a session closes, and a round often ends for many pairs at one slot.
        await notifier.ToBothOnceAsync(key, pair, RoundRepository.PromptKind, to => RoundMessages.Question(state, record, to, lang, strip), cancellationToken);
    }

    /// <summary>
    /// "Keep going, stop asking": the round moves on without a question, and so does every round already complete
    /// (sessions held while the answers were awaited). A round whose question went out is left to its answers.
    /// </summary>
    private async Task MoveOnQuietlyAsync(RoundState state, CancellationToken cancellationToken)
    {
        for (var moves = 0; state is { Key: { } key, Pair.Status: PairStatus.Active } && moves < 100; moves++)
        {
            if (!await pairs.StartNextRoundAsync(state.Pair.Id, state.Pair.RoundNumber, RoundProgress.NextRoundStart(key), cancellationToken) ||
                await pairs.GetAsync(state.Pair.Id, cancellationToken) is not { } pair)
                return;
            state = await StateAsync(pair, cancellationToken);
        }
    }

    private async Task<bool> AskedAnyAsync(Session key, Pair pair, CancellationToken cancellationToken)
    {
        foreach (var member in pair.Members)
            if (await outbox.HoldsAllAsync([Letter.PartnerKey(key, RoundRepository.PromptKind, member)], cancellationToken))
                return true;
        return false;
    }

    private Task<bool> AskedBothAsync(Session key, Pair pair, CancellationToken cancellationToken) =>
        outbox.HoldsAllAsync([.. pair.Members.Select(member => Letter.PartnerKey(key, RoundRepository.PromptKind, member))], cancellationToken);
}
