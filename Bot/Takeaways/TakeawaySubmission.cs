using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using CrossCoaching.GuildSettings;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Takeaways;

/// <summary>What <c>/takeaway</c>, the "Share my takeaway" modal and the visibility buttons share: checks, saving, the reply.</summary>
public sealed class TakeawaySubmission(
    TakeawayRepository takeaways,
    SessionRepository sessions,
    PairRepository pairs,
    TakeawayReveal reveal,
    GuildSettingsRepository settings,
    IDiscordApi api,
    IOptions<TakeawayOptions> options,
    TimeProvider time)
{
    public int MaxLength => options.Value.MaxLength;

    /// <summary>The text to store, or a refusal that states the limit. Checked before anything is looked up or stored.</summary>
    public string RequireValidText(InteractionContext context, string? text)
    {
        var clean = TakeawayText.Clean(text) ?? throw new UserErrorException(context.Text(TakeawayTexts.Empty, MaxLength));
        var length = TakeawayText.Length(clean);
        return length <= MaxLength ? clean : throw new UserErrorException(context.Text(TakeawayTexts.TooLong, length, MaxLength));
    }

    /// <summary>The session a button or modal names, if the presser is one of its partners and it took place.</summary>
    public async Task<(Session Session, Pair Pair)> RequireSessionAsync(InteractionContext context, long? sessionId, CancellationToken cancellationToken = default)
    {
        var session = sessionId is { } id ? await sessions.GetAsync(id, cancellationToken) : null;
        var pair = session is null ? null : await pairs.GetAsync(session.PairId, cancellationToken);
        if (session is null || pair is null || !pair.Has(context.Interaction.User.Id))
            throw new UserErrorException(context.Text(TakeawayTexts.NotYourSession));
        if (!TakeawaySessions.CanHoldTakeaways(session, time.GetUtcNow()))
            throw new UserErrorException(context.Text(TakeawayTexts.NotTakenPlace));
        RequireAttended(context, session);
        await RequireMemberAsync(context, session.GuildId, cancellationToken);
        return (session, pair);
    }

    /// <summary>Refuses a session whose room nobody joined, saying why.</summary>
    public static void RequireAttended(InteractionContext context, Session session)
    {
        if (!TakeawaySessions.WasAttended(session))
            throw new UserErrorException(context.Text(TakeawayTexts.NobodyCame, Timestamps.Of(session.SlotAt, 'f')));
    }

    /// <summary>
    /// A button in a direct message outlives the membership: a member who left or was banned still has it. Pressed
    /// outside the server, Discord says nothing about membership, so it is asked (10007: not a member, refused).
    /// </summary>
    private async Task RequireMemberAsync(InteractionContext context, Snowflake guildId, CancellationToken cancellationToken)
    {
        if (context.Interaction.GuildId == guildId && context.Interaction.Member is not null)
            return;
        try
        {
            await api.GetGuildMemberAsync(guildId, context.Interaction.User.Id, cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownMember)
        {
            throw new UserErrorException(context.Text(TakeawayTexts.NoLongerMember));
        }
    }

    public async Task SubmitAsync(
        InteractionContext context, Session session, Pair pair, string text, TakeawayVisibility visibility, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var name = context.Interaction.Member?.DisplayName ?? pair.NameOf(me);
        var saved = await takeaways.SaveAsync(session.Id, pair.Id, me, name, text, visibility, time.GetUtcNow(), cancellationToken);
        if (saved == TakeawaySave.AlreadyRevealed)
            throw new UserErrorException(context.Text(TakeawayTexts.AlreadyShared));
        await reveal.RevealIfDueAsync(session, pair, cancellationToken);
        var headline = context.Text(saved == TakeawaySave.Replaced ? TakeawayTexts.Replaced : TakeawayTexts.Saved);
        await context.ReplyAsync(await ConfirmationAsync(context, session, pair, headline, cancellationToken), ephemeral: true, cancellationToken);
    }

    /// <summary>
    /// Says whether the takeaway is held (and until when) or revealed, and where it goes. While it is held, three
    /// buttons change who will read it — the only way to choose when it was written in the "Share" modal.
    /// </summary>
    public async Task<MessageSpec> ConfirmationAsync(InteractionContext context, Session session, Pair pair, string headline, CancellationToken cancellationToken = default)
    {
        var me = context.Interaction.User.Id;
        var all = await takeaways.ListForSessionAsync(session.Id, cancellationToken);
        var mine = all.Single(t => t.AuthorId == me);
        var partner = pair.PartnerOf(me);
        var partnerName = Markdown.Name(FormerMember.Display(partner, pair.NameOf(partner), context.Lang));
        var state = mine.IsRevealed
            ? context.Text(TakeawayReveal.BothShared(pair, all) ? TakeawayTexts.RevealedTogether : TakeawayTexts.RevealedAlone)
            : context.Text(TakeawayTexts.Held, partnerName, Timestamps.Of(TakeawaySessions.RevealDeadline(session), 'f'));
        var trail = (await settings.GetAsync(session.GuildId, cancellationToken)).TrailChannelId;
        var where = (mine.IsRevealed ? mine.Route : null, mine.Visibility) switch
        {
            (TakeawayRoute.Trail, _) or (null, TakeawayVisibility.Public) when trail is { } channel => context.Text(TakeawayTexts.WherePublic, $"<#{channel}>"),
            (_, TakeawayVisibility.Public) => context.Text(TakeawayTexts.WherePublicNoTrail, partnerName),
            (_, TakeawayVisibility.Pair) => context.Text(TakeawayTexts.WherePair, partnerName),
            _ => context.Text(TakeawayTexts.WherePrivate),
        };
        IReadOnlyList<ActionRow> buttons = mine.IsRevealed ? [] : [VisibilityButtons(context, session.Id, mine.Visibility)];
        return new MessageSpec($"{headline}\n{state}\n{where}", AllowedMentions.None, buttons);
    }

    private static ActionRow VisibilityButtons(InteractionContext context, long sessionId, TakeawayVisibility current) => new(
    [
        .. new[] { (TakeawayVisibility.Public, TakeawayTexts.ButtonPublic), (TakeawayVisibility.Pair, TakeawayTexts.ButtonPair), (TakeawayVisibility.Private, TakeawayTexts.ButtonPrivate) }
            .Select(v => new Button(v.Item1 == current ? ButtonStyle.Primary : ButtonStyle.Secondary, context.Text(v.Item2),
                ComponentId.Create(SessionMessages.TakeawayPrefix, "visibility", sessionId, v.Item1.Code()), Disabled: v.Item1 == current)),
    ]);
}
