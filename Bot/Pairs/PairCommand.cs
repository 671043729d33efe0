using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Hosting;
using CrossCoaching.Storage;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Pairs;

/// <summary>
/// <c>/pair partner</c>: posts an invitation the partner answers with Accept or Decline, and the inviter may withdraw.
/// Without a partner, the matching pool (<see cref="IPairPool"/>) takes the command.
/// </summary>
public sealed class PairCommand(
    PairRepository pairs,
    InvitationRepository invitations,
    PairFormation formation,
    IPairPool pool,
    IOptions<PairOptions> options,
    IClusterLocks locks,
    TimeProvider time) : ISlashCommand
{
    public const string Prefix = "pair";

    public CommandDefinition Definition { get; } = new(
        "pair", PairTexts.PairDescription.En,
        [
            new(CommandOptionType.User, "partner", PairTexts.PartnerOption.En,
                NameLocalizations: Localizations.French("binôme"), DescriptionLocalizations: PairTexts.PartnerOption.ToLocalizations()),
            .. pool.Options,
        ],
        NameLocalizations: Localizations.French("binôme"),
        DescriptionLocalizations: PairTexts.PairDescription.ToLocalizations());

    /// <summary>
    /// /pair runs one at a time per guild. Its checks and its insert are separate steps, so two members inviting each
    /// other at the same moment could each find no invitation and leave two pending ones and no pair; in turn, the
    /// second finds the first and accepts it. The lock also covers posting the invitation, so the acceptance can edit
    /// its message. A cluster lock (<see cref="IClusterLocks"/>): two instances answer /pair in the same guild too.
    /// </summary>
    private const LockScope GuildLock = LockScope.PairGuild;

    /// <summary>The invitation is public: a late answer must still land in the channel.</summary>
    public bool EphemeralByDefault => false;

    public async Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default)
    {
        var i = context.Interaction;
        var guild = context.GuildId;
        if (i.GetUser("partner") is not { } partner)
        {
            await pool.HandleAsync(context, cancellationToken);
            return;
        }

        if (partner.Id == i.User.Id)
            throw new UserErrorException(context.Text(PairTexts.NotYourself));
        if (partner.IsBot)
            throw new UserErrorException(context.Text(PairTexts.NotABot));
        var partnerName = i.GetMember("partner")?.DisplayName ?? throw new UserErrorException(context.Text(PairTexts.NotAMember, Markdown.Name(partner.DisplayName)));
        await using (await locks.AcquireAsync(GuildLock, (long)guild.Value, cancellationToken))
            await InviteOrAcceptAsync(context, guild, partner, partnerName, cancellationToken);
    }

    public Task<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken = default) =>
        pool.AutocompleteAsync(context, cancellationToken);

    private async Task InviteOrAcceptAsync(InteractionContext context, Snowflake guild, DiscordUser partner, string partnerName, CancellationToken cancellationToken)
    {
        var i = context.Interaction;
        if (await pairs.FindCurrentAsync(guild, i.User.Id, cancellationToken) is { } mine)
            throw new UserErrorException(context.Text(PairTexts.YouArePaired, Markdown.Name(mine.NameOf(mine.PartnerOf(i.User.Id)))));
        if (await pairs.FindCurrentAsync(guild, partner.Id, cancellationToken) is not null)
            throw new UserErrorException(context.Text(PairTexts.TheyArePaired, Markdown.Name(partnerName)));

        var now = time.GetUtcNow();
        // They invited each other: this is an answer to the invitation already there, not a second one.
        if (await invitations.FindPendingAsync(guild, partner.Id, i.User.Id, now, cancellationToken) is { } crossing)
        {
            await formation.AcceptAsync(context, crossing, i.UserDisplayName, viaCommand: true, cancellationToken);
            return;
        }

        // A decline holds the same inviter off for a while: an invitation pings, and must not become a way to harass.
        if (await invitations.LastDeclinedAtAsync(guild, i.User.Id, partner.Id, cancellationToken) is { } declined &&
            declined.AddHours(options.Value.DeclineCooldownHours) is var until && until > now)
            throw new UserErrorException(context.Text(PairTexts.DeclinedRecently, Markdown.Name(partnerName), Timestamps.Of(until, 'R')));

        var invitation = await invitations.CreateAsync(guild, i.ChannelId ?? default, i.User.Id, i.UserDisplayName, partner.Id, now,
            now.AddHours(options.Value.InvitationHours), cancellationToken);
        if (invitation is null)
        {
            var open = await invitations.FindPendingAsync(guild, i.User.Id, partner.Id, now, cancellationToken);
            throw new UserErrorException(context.Text(PairTexts.AlreadyInvited, Markdown.Name(partnerName), Timestamps.Of(open?.ExpiresAt ?? now, 'f')));
        }

        var message = await context.PostAsync(Invitation(invitation, context), ephemeral: false, cancellationToken);
        await invitations.SetMessageAsync(invitation.Id, message.Id, cancellationToken);
    }

    private static MessageSpec Invitation(Invitation invitation, InteractionContext context) => new(
        context.Text(PairTexts.Invitation, $"<@{invitation.InviteeId}>", Markdown.Name(invitation.InviterName), Timestamps.Of(invitation.ExpiresAt, 'R')),
        AllowedMentions.Only(invitation.InviteeId),
        [ActionRow.Of(
            new Button(ButtonStyle.Success, context.Text(PairTexts.Accept), ComponentId.Create(Prefix, "accept", invitation.Id)),
            new Button(ButtonStyle.Danger, context.Text(PairTexts.Decline), ComponentId.Create(Prefix, "decline", invitation.Id)),
            new Button(ButtonStyle.Secondary, context.Text(PairTexts.WithdrawButton), ComponentId.Create(Prefix, "withdraw", invitation.Id)))]);
}
