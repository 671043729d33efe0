using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Sessions.InRoom;

/// <summary>
/// The room's buttons. "+5 min": either partner, told to both in the room. "End now": an ephemeral confirmation to the
/// one who pressed, whose button closes the room; pressed again once the session is over, it says so and does nothing.
/// Anyone else is refused, ephemerally.
/// </summary>
public sealed class RoomButtons(
    SessionRepository sessions,
    PairRepository pairs,
    SessionExtender extender,
    SessionEnder ender,
    IOptions<SessionOptions> options) : IComponentHandler
{
    public string Prefix => RoomControls.Prefix;

    public async Task HandleAsync(InteractionContext context, ComponentId id, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var session = id.LongArg(1) is { } sessionId ? await sessions.GetAsync(sessionId, cancellationToken) : null;
        var pair = session is null ? null : await pairs.GetAsync(session.PairId, cancellationToken);
        if (session is null || pair is null || !pair.Has(me))
            throw new UserErrorException(context.Text(CommonTexts.NotForYou));

        switch (id.Arg(0))
        {
            case "extend":
                await ExtendAsync(context, session, pair, cancellationToken);
                break;
            case "end":
                if (session.IsFinished)
                    throw new UserErrorException(context.Text(RoomTexts.AlreadyEnded));
                await context.ReplyAsync(RoomControls.ConfirmEnd(session.Id, context.Lang), ephemeral: true, cancellationToken);
                break;
            case "endyes":
                if (session.IsFinished)
                {
                    await context.UpdateMessageAsync(MessageSpec.Text(context.Text(RoomTexts.AlreadyEnded)) with { Components = [] }, cancellationToken);
                    return;
                }

                await context.UpdateMessageAsync(MessageSpec.Text(context.Text(RoomTexts.Ending)) with { Components = [] }, cancellationToken);
                await ender.CloseAsync(session.Id, roomDeletedByHand: false, cancellationToken);
                break;
        }
    }

    private async Task ExtendAsync(InteractionContext context, Session session, Pair pair, CancellationToken cancellationToken)
    {
        var (refusal, extended, next) = await extender.ExtendAsync(session.Id, cancellationToken);
        var refused = refusal switch
        {
            ExtensionRefusal.None => null,
            ExtensionRefusal.NoMoreExtensions => context.Text(RoomTexts.NoMoreExtensions),
            ExtensionRefusal.TooLong => context.Text(RoomTexts.LongestAlready, options.Value.MaximumDurationMinutes),
            ExtensionRefusal.NextSessionTooClose => context.Text(RoomTexts.NextSessionTooClose, Timestamps.Of(next!.Value, 't')),
            _ => context.Text(RoomTexts.NotRunning),
        };
        if (refused is not null)
            throw new UserErrorException(refused);
        var me = context.Interaction.User.Id;
        await context.ReplyAsync(MessageSpec.Text(context.Text(RoomTexts.Extended, Markdown.Name(pair.NameOf(me)),
            Timestamps.Of(extended!.EndsAt, 't'), Timestamps.Of(extended.CloseAt, 't'), extended.Extensions)), ephemeral: false, cancellationToken);
    }
}
