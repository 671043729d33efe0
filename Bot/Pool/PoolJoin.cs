using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Pool;

/// <summary>Entering the pool, seeing one's entry, changing and leaving it: from <c>/pair</c>, its buttons and the trail's.</summary>
public sealed class PoolJoin(
    PoolEntryRepository entries,
    PoolProposalRepository proposals,
    PairRepository pairs,
    GuildSettingsRepository settings,
    PoolMatchmaker matchmaker,
    IOptions<PoolOptions> options,
    IOptions<SessionOptions> sessions,
    TimeProvider time)
{
    private int Minutes => sessions.Value.DefaultDurationMinutes;

    /// <summary>Refuses a member who is paired here, when the pool is closed, or without the pool's role.</summary>
    public async Task EnsureMayJoinAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var i = context.Interaction;
        if (await pairs.FindCurrentAsync(context.GuildId, i.User.Id, cancellationToken) is { } pair)
            throw new UserErrorException(context.Text(PoolEntryTexts.AlreadyPaired, Markdown.Name(pair.NameOf(pair.PartnerOf(i.User.Id)))));
        var config = await settings.GetAsync(context.GuildId, cancellationToken);
        if (!config.PoolOpen)
            throw new UserErrorException(context.Text(PoolEntryTexts.Closed));
        if (config.PoolRoleId is { } role && !(i.Member?.RoleIds.Contains(role) ?? false))
            throw new UserErrorException(context.Text(PoolEntryTexts.RoleNeeded, $"<@&{role}>"));
    }

    /// <summary>Enters or changes the entry, answers with it, then runs the matching: someone may fit already.</summary>
    public async Task JoinAsync(InteractionContext context, PoolEntryInput input, CancellationToken cancellationToken)
    {
        await EnsureMayJoinAsync(context, cancellationToken);
        var (guild, me, now) = (context.GuildId, context.Interaction.User.Id, time.GetUtcNow());
        var current = await entries.GetAsync(guild, me, cancellationToken);
        var zone = (await settings.GetAsync(guild, cancellationToken)).TimeZone;
        var entry = PoolEntryForm.Build(context, input, current, zone, Minutes, now, TimeSpan.FromDays(options.Value.EntryDays));
        await entries.JoinAsync(entry, cancellationToken);
        var saved = await entries.GetAsync(guild, me, cancellationToken) ?? entry;
        await context.ReplyAsync(await ViewAsync(saved, context, context.Text(current is null ? PoolEntryTexts.Joined : PoolEntryTexts.Updated), cancellationToken),
            ephemeral: true, cancellationToken);
        await matchmaker.RunAsync(guild, cancellationToken);
    }

    /// <summary><c>/pair</c> alone: the entry with Change / Leave (and a proposal awaiting an answer), or how to join.</summary>
    public async Task ShowAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        if (await entries.GetAsync(context.GuildId, context.Interaction.User.Id, cancellationToken) is not { } entry)
        {
            await EnsureMayJoinAsync(context, cancellationToken);
            throw new UserErrorException(context.Text(PoolEntryTexts.NotInPool));
        }

        await context.ReplyAsync(await ViewAsync(entry, context, context.Text(PoolEntryTexts.YourEntry), cancellationToken), ephemeral: true, cancellationToken);
    }

    public Task<PoolEntry?> EntryAsync(InteractionContext context, CancellationToken cancellationToken) =>
        entries.GetAsync(context.GuildId, context.Interaction.User.Id, cancellationToken);

    private async Task<MessageSpec> ViewAsync(PoolEntry entry, InteractionContext context, string header, CancellationToken cancellationToken)
    {
        var pending = await proposals.PendingForAsync(entry.GuildId, entry.UserId, time.GetUtcNow(), cancellationToken);
        var other = pending is null ? null : await entries.GetAsync(entry.GuildId, pending.OtherThan(entry.UserId), cancellationToken);
        return PoolView.Entry(entry, header, pending, other, Minutes, context.Lang);
    }
}
