using CrossCoaching.Discord;
using CrossCoaching.Hosting;
using CrossCoaching.GuildSettings;

namespace CrossCoaching.Pairs;

/// <summary>Marks invitations past their expiry and says so on their message.</summary>
public sealed class InvitationSweeper(InvitationRepository invitations, PairFormation formation, GuildLanguage languages, TimeProvider time) : IReconcilable
{
    public async Task ReconcileAsync(CancellationToken cancellationToken = default)
    {
        foreach (var invitation in await invitations.ExpireDueAsync(time.GetUtcNow(), cancellationToken))
        {
            var lang = await languages.ForGuildAsync(invitation.GuildId, cancellationToken);
            await formation.EditAsync(invitation,
                MessageSpec.Text(PairTexts.ExpiredMessage.Format(lang, Markdown.Name(invitation.InviterName), $"<@{invitation.InviteeId}>")), cancellationToken);
        }
    }
}
