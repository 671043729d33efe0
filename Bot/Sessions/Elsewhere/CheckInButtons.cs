using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Hosting;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Storage;

namespace CrossCoaching.Sessions.Elsewhere;

/// <summary>
/// "We talked" / "We didn't": one partner's answer, which a later press may change. Only the partners may answer
/// (anyone else is refused, ephemerally); the answer replaces the buttons with what was noted.
/// </summary>
public sealed class CheckInButtons(
    SessionRepository sessions,
    PairRepository pairs,
    CheckInRepository checkIns,
    IClusterLocks locks,
    TimeProvider time) : IComponentHandler
{
    public string Prefix => CheckInMessages.Prefix;

    public async Task HandleAsync(InteractionContext context, ComponentId id, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var session = id.LongArg(1) is { } sessionId ? await sessions.GetAsync(sessionId, cancellationToken) : null;
        var pair = session is null ? null : await pairs.GetAsync(session.PairId, cancellationToken);
        if (session is null || pair is null || !pair.Has(me))
            throw new UserErrorException(context.Text(CommonTexts.NotForYou));
        if (!CheckInRule.IsOffered(session))
            throw new UserErrorException(context.Text(CheckInTexts.NotOffered));
        if (!CheckInRule.IsOpen(session, time.GetUtcNow()))
            throw new UserErrorException(context.Text(CheckInTexts.Expired, (int)CheckInRule.Window.TotalDays));

        var talked = id.Arg(0) == "yes";
        int count;
        // Both partners answering at once: each recount sees the other's answer, never half of it.
        await using (await locks.AcquireAsync(LockScope.Session, session.Id, cancellationToken))
            count = await checkIns.AnswerAsync(session, pair.Members, me, talked, time.GetUtcNow(), cancellationToken);

        var noted = !talked ? context.Text(CheckInTexts.NotedNotTalked)
            : count >= 2 ? context.Text(CheckInTexts.NotedTalked) + "\n" + context.Text(CheckInTexts.BothTalked)
            : context.Text(CheckInTexts.NotedTalked) + "\n" + context.Text(CheckInTexts.WaitingForPartner);
        // In a server channel (DMs closed) the question named nobody but the member; it stays that way.
        var question = context.Interaction.GuildId is null
            ? CheckInMessages.Question(session, pair, me, context.Lang).Content
            : CheckInTexts.PublicQuestion.Format(context.Lang, $"<@{me}>");
        await context.UpdateMessageAsync(MessageSpec.Text(question + "\n\n" + noted) with { Components = [] }, cancellationToken);
    }
}
