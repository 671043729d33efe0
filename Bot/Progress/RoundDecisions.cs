using CrossCoaching.Discord;
using CrossCoaching.GuildSettings;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Sessions;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Progress;

/// <summary>
/// What the answers at a round's end lead to: a new round when both continue, the end of the pair when one stops, and
/// a paused ritual when a week passes without both answers. Each acts once, however often it is called; the messages
/// are claimed on the round's key session so that none goes out twice.
/// </summary>
public sealed class RoundDecisions(
    PairRepository pairs,
    SessionRepository sessions,
    IPairSessions pairSessions,
    RitualRepository rituals,
    RitualChanges changes,
    NoticeRepository notices,
    SessionNotifier notifier,
    RoundKeeper keeper,
    QuietRounds quiet,
    PairStatsReader stats,
    GuildLanguage languages,
    TimeProvider time,
    ILogger<RoundDecisions> logger)
{
    public static readonly TimeSpan AnswerWindow = TimeSpan.FromDays(7);

    /// <summary>Claimed (for the room's pseudo-user) when the silence paused the ritual, so that it pauses once.</summary>
    public const string TimeoutKind = NoticeKinds.RoundTimeout;
    public const string PausedKind = NoticeKinds.RoundPaused;
    public const string ContinuedKind = NoticeKinds.RoundContinued;
    public const string StoppedKind = NoticeKinds.RoundStopped;

    /// <returns>False when the round had moved on already (the other partner's press, a reconcile pass).</returns>
    public async Task<bool> StartNextRoundAsync(RoundState state, CancellationToken cancellationToken = default)
    {
        if (state.Key is not { } key || !await pairs.StartNextRoundAsync(state.Pair.Id, state.Pair.RoundNumber, RoundProgress.NextRoundStart(key), cancellationToken))
            return false;
        var pair = (await pairs.GetAsync(state.Pair.Id, cancellationToken))!;
        logger.LogInformation("Pair {Pair} goes on to round {Round}", pair.Id, pair.RoundNumber);

        // Paused by the silence (not by the partners): both answers are in, so the ritual is back on.
        var resumed = await notices.ExistsAsync(key.Id, NoticeRepository.Room, TimeoutKind, cancellationToken) &&
            await rituals.GetAsync(pair.Id, cancellationToken) is { Paused: true, PausedUntil: null } ritual &&
            await ResumeAsync(ritual, cancellationToken);
        var next = resumed
            ? await changes.ReplanAsync(pair, cancellationToken)
            : (await sessions.ListUnfinishedForPairAsync(pair.Id, cancellationToken)).FirstOrDefault(s => s.Kind == SessionKind.Ritual);
        var when = Timestamps.OrNone(next?.SlotAt);
        var lang = await languages.ForGuildAsync(pair.GuildId, cancellationToken);
        var text = resumed ? ProgressTexts.NextRoundResumed : ProgressTexts.NextRound;
        var quietNote = await quiet.IsQuietAsync(pair.Id, cancellationToken) ? "\n" + ProgressTexts.NoMoreQuestions[lang] : "";
        await TellBothAsync(key, pair, ContinuedKind,
            to => MessageSpec.Text(text.Format(lang, Markdown.Name(pair.NameOf(pair.PartnerOf(to))), pair.RoundNumber, state.Progress.Length, when) + quietNote),
            cancellationToken);

        // Sessions held while the answers were awaited count towards the new round, which may be over already.
        await keeper.AskIfOverAsync(await keeper.StateAsync(pair, cancellationToken), cancellationToken);
        return true;
    }

    /// <summary>Ends the pair as <c>/unpair</c> does (future sessions cancelled, an open room closed, the trail kept) and thanks both.</summary>
    /// <returns>False when the pair had ended already.</returns>
    public async Task<bool> EndAsync(RoundState state, Snowflake stopper, CancellationToken cancellationToken = default)
    {
        var pair = state.Pair;
        if (!await pairs.EndAsync(pair.Id, "round-stopped", time.GetUtcNow(), cancellationToken))
            return false;
        logger.LogInformation("Pair {Pair} ended after round {Round}: {User} chose to stop", pair.Id, pair.RoundNumber, stopper);
        await pairSessions.EndAllAsync(pair.Id, cancellationToken);

        var record = await stats.ReadAsync(pair, pair.MemberA, cancellationToken: cancellationToken);
        var lang = await languages.ForGuildAsync(pair.GuildId, cancellationToken);
        var summary = RoundMessages.Summary(record, lang);
        var ended = pair with { Status = PairStatus.Ended };
        await TellBothAsync(state.Key!, ended, StoppedKind, to => MessageSpec.Text(to == stopper
            ? ProgressTexts.StoppedSelf.Format(lang, Markdown.Name(pair.NameOf(pair.PartnerOf(to))), pair.RoundNumber, summary)
            : ProgressTexts.StoppedByPartner.Format(lang, Markdown.Name(pair.NameOf(stopper)), pair.RoundNumber, summary)), cancellationToken);
        return true;
    }

    /// <summary>A week after the question without both answers: the ritual pauses and both are reminded, once.</summary>
    public async Task PauseIfSilentAsync(RoundState state, CancellationToken cancellationToken = default)
    {
        if (state is not { Key: { } key, AskedAt: { } asked, Pair.Status: PairStatus.Active } || state.BothContinue ||
            time.GetUtcNow() < asked + AnswerWindow)
            return;
        var pair = state.Pair;
        if (await notices.TryClaimAsync(key.Id, NoticeRepository.Room, TimeoutKind, time.GetUtcNow(), cancellationToken))
        {
            try
            {
                if (await rituals.GetAsync(pair.Id, cancellationToken) is { Paused: false } ritual)
                {
                    await rituals.SaveAsync(ritual with { Paused = true, PausedUntil = null, UpdatedAt = time.GetUtcNow(), UpdatedBy = Ritual.ChangedByTheBot }, cancellationToken);
                    await changes.ReplanAsync(pair, cancellationToken); // paused: cancels what was planned, plans nothing
                }

                logger.LogInformation("Pair {Pair}: no answers a week after round {Round}; ritual paused", pair.Id, pair.RoundNumber);
            }
            catch
            {
                await notices.ReleaseAsync(key.Id, NoticeRepository.Room, TimeoutKind, CancellationToken.None);
                throw;
            }
        }

        var lang = await languages.ForGuildAsync(pair.GuildId, cancellationToken);
        await notifier.ToBothOnceAsync(key, pair, PausedKind, to => RoundMessages.Paused(state, to, lang), cancellationToken);
    }

    /// <summary>The decision is stored before this runs; the outbox then carries the message until Discord takes or refuses it.</summary>
    private Task TellBothAsync(Session key, Pair pair, string kind, Func<Snowflake, MessageSpec> message, CancellationToken cancellationToken) =>
        notifier.ToBothOnceAsync(key, pair, kind, message, cancellationToken);

    private async Task<bool> ResumeAsync(Ritual ritual, CancellationToken cancellationToken)
    {
        await rituals.SaveAsync(ritual with { Paused = false, PausedUntil = null, UpdatedAt = time.GetUtcNow(), UpdatedBy = Ritual.ChangedByTheBot }, cancellationToken);
        return true;
    }
}
