using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Pool;

/// <summary>
/// The pool's buttons and form: Change (the form, filled in) and Leave on <c>/pair</c>'s view, "Find a partner too"
/// on trail posts (the form, or the entry for a member already in), Stay on the expiry reminder.
/// </summary>
public sealed class PoolButtons(
    PoolJoin join, PoolEntryRepository entries, PoolProposalRepository proposals, PoolWithdrawal withdrawal, PoolMatchmaker matchmaker,
    GuildSettings.GuildLanguage languages, IOptions<PoolOptions> options, TimeProvider time) : IComponentHandler
{
    public const string Prefix = "pool";
    public const string WindowsField = "windows", ZoneField = "timezone", LanguagesField = "languages";

    /// <summary>The custom id of the button on public trail posts.</summary>
    public static readonly string OpenId = ComponentId.Create(Prefix, "open");

    string IComponentHandler.Prefix => Prefix;

    public async Task HandleAsync(InteractionContext context, ComponentId id, CancellationToken cancellationToken = default)
    {
        switch (id.Arg(0))
        {
            case "open":
                await join.EnsureMayJoinAsync(context, cancellationToken);
                if (await join.EntryAsync(context, cancellationToken) is null)
                    await context.ShowModalAsync(Form(null, context.Lang), cancellationToken);
                else
                    await join.ShowAsync(context, cancellationToken);
                break;
            case "change":
                await context.ShowModalAsync(Form(await join.EntryAsync(context, cancellationToken), context.Lang), cancellationToken);
                break;
            case "form":
                var i = context.Interaction;
                await join.JoinAsync(context, new PoolEntryInput(i.GetField(WindowsField), i.GetField(ZoneField), i.GetField(LanguagesField), null), cancellationToken);
                break;
            case "leave":
                await LeaveAsync(context, cancellationToken);
                break;
            case "stay":
                await StayAsync(context, id, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// Leaving with a proposal pending withdraws from it as a decline would (the other back first in line, told), in the
    /// transaction that takes the entry out: a proposal never waits on a member who is no longer in the pool.
    /// </summary>
    private async Task LeaveAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var (guild, me) = (context.GuildId, context.Interaction.User.Id);
        if (await proposals.PendingForAsync(guild, me, time.GetUtcNow(), cancellationToken) is { } pending)
        {
            var server = await languages.ForGuildAsync(guild, cancellationToken);
            await withdrawal.DeclineAsync(pending, me, context.Interaction.UserDisplayName, server, notice: _ => null, cancellationToken);
            await matchmaker.RunAsync(guild, cancellationToken);
        }

        await entries.LeaveAsync(guild, me, cancellationToken);
        await context.UpdateMessageAsync(MessageSpec.Text(context.Text(PoolEntryTexts.Left)) with { Components = [] }, cancellationToken);
    }

    /// <summary>Pressed in a DM: the guild travels in the custom id, and only the member's own entry is renewed.</summary>
    private async Task StayAsync(InteractionContext context, ComponentId id, CancellationToken cancellationToken)
    {
        var me = context.Interaction.User.Id;
        if (id.LongArg(1) is not { } guild || await entries.GetAsync(new Snowflake((ulong)guild), me, cancellationToken) is not { } entry)
            throw new UserErrorException(context.Text(PoolEntryTexts.NotInPool));
        var until = time.GetUtcNow().AddDays(options.Value.EntryDays);
        await entries.JoinAsync(entry with { ExpiresAt = until }, cancellationToken);
        await context.UpdateMessageAsync(MessageSpec.Text(context.Text(ProposalTexts.Stayed, Timestamps.Of(until, 'D'))) with { Components = [] }, cancellationToken);
    }

    private static Modal Form(PoolEntry? entry, Lang lang) => new(
        ComponentId.Create(Prefix, "form"),
        PoolEntryTexts.ModalTitle[lang],
        [
            new TextInput(WindowsField, PoolEntryTexts.ModalWindows[lang], TextInputStyle.Paragraph, MinLength: 1, MaxLength: 300, Required: true,
                Value: entry is null ? null : PoolView.Windows(entry.Windows, Lang.En), Placeholder: PoolEntryTexts.ModalWindowsHint[lang]),
            new TextInput(ZoneField, PoolEntryTexts.ModalZone[lang], TextInputStyle.Short, MaxLength: 64, Required: false,
                Value: entry?.TimeZone, Placeholder: "Europe/Paris"),
            new TextInput(LanguagesField, PoolEntryTexts.ModalLanguages[lang], TextInputStyle.Short, MaxLength: 10, Required: false,
                Value: entry is null ? null : PoolEntryForm.LanguageCode(entry.Languages), Placeholder: "en / fr / both"),
        ]);
}
