using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;
using CrossCoaching.Localization;
using CrossCoaching.Messaging;
using CrossCoaching.Rituals.Schedule;

namespace CrossCoaching.Pool;

/// <summary>The messages the pool owes its members, written to the outbox beside the change that owes them.</summary>
public static class PoolLetters
{
    public const string ProposalKind = "pool-proposal", AnswerKind = "pool-answer", ReminderKind = "pool-reminder", ExpiredKind = "pool-expired",
        RoleLostKind = "pool-role-lost";

    /// <summary>The proposal to <paramref name="to"/>, with its buttons; once per proposal and member.</summary>
    public static Letter Proposal(PoolProposal proposal, PoolEntry to, PoolEntry other, int minutes, Lang lang) =>
        ToMember($"pool:proposal:{proposal.Id}:{to.UserId}", ProposalKind, to, lang, ProposalSpec(proposal, to, other, minutes, lang));

    public static MessageSpec ProposalSpec(PoolProposal proposal, PoolEntry to, PoolEntry other, int minutes, Lang lang)
    {
        var (day, time, zone) = Slot(proposal.Slot, to.TimeZone, lang);
        return new MessageSpec(
            ProposalTexts.Proposal.Format(lang, Markdown.Name(other.DisplayName), $"<@{other.UserId}>", day, time, zone, Timestamps.Of(proposal.Slot, 'F'),
                minutes, Timestamps.Of(proposal.ExpiresAt, 'f')),
            AllowedMentions.None,
            [ActionRow.Of(
                new Button(ButtonStyle.Success, ProposalTexts.Accept[lang], ComponentId.Create(ProposalButtons.Prefix, "accept", proposal.Id)),
                new Button(ButtonStyle.Danger, ProposalTexts.Decline[lang], ComponentId.Create(ProposalButtons.Prefix, "decline", proposal.Id)))]);
    }

    /// <summary>A one-off notice about a proposal's outcome, once per proposal, member and kind of outcome.</summary>
    public static Letter Answer(PoolProposal proposal, string outcome, PoolEntry to, Lang lang, string text) =>
        ToMember($"pool:{outcome}:{proposal.Id}:{to.UserId}", AnswerKind, to, lang, MessageSpec.Text(text));

    public static Letter Reminder(PoolEntry entry, Lang lang, int entryDays) =>
        ToMember($"pool:reminder:{entry.GuildId}:{entry.UserId}:{entry.ExpiresAt.ToUnixTimeSeconds()}", ReminderKind, entry, lang, new MessageSpec(
            ProposalTexts.Reminder.Format(lang, Timestamps.Of(entry.ExpiresAt, 'R'), entryDays), AllowedMentions.None,
            [ActionRow.Of(new Button(ButtonStyle.Primary, ProposalTexts.Stay[lang], ComponentId.Create(PoolButtons.Prefix, "stay", entry.GuildId)))]));

    public static Letter Expired(PoolEntry entry, Lang lang) =>
        ToMember($"pool:expired:{entry.GuildId}:{entry.UserId}:{entry.ExpiresAt.ToUnixTimeSeconds()}", ExpiredKind, entry, lang,
            MessageSpec.Text(ProposalTexts.EntryExpired[lang]));

    /// <summary>The entry was taken out of the pool: the member no longer holds the role managers restricted it to.</summary>
    public static Letter RoleLost(PoolEntry entry, Lang lang) =>
        ToMember($"pool:role-lost:{entry.GuildId}:{entry.UserId}:{entry.ExpiresAt.ToUnixTimeSeconds()}", RoleLostKind, entry, lang,
            MessageSpec.Text(ProposalTexts.RoleLost[lang]));

    /// <summary>An instant as the weekday, the wall time and the zone of <paramref name="zoneId"/>.</summary>
    public static (string Day, string Time, string Zone) Slot(DateTimeOffset slot, string zoneId, Lang lang)
    {
        if (!TimeZoneCatalog.TryFind(zoneId, out var zone))
            return (lang.DayName(slot.UtcDateTime.DayOfWeek), slot.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), "UTC");
        var local = NodaTime.Instant.FromDateTimeOffset(slot).InZone(zone).LocalDateTime;
        return (lang.DayName((DayOfWeek)((int)local.DayOfWeek % 7)), local.TimeOfDay.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), zone.Id);
    }

    /// <summary>
    /// A DM; when DMs are closed, a bare mention where the member entered the pool, nothing of the message itself
    /// (a proposal names someone), pointing to <c>/pair</c>, which shows the pending proposal.
    /// </summary>
    private static Letter ToMember(string key, string kind, PoolEntry to, Lang lang, MessageSpec spec)
    {
        var letter = Letter.Dm(key, kind, to.UserId, spec);
        return to.ChannelId is { } channel
            ? letter with { FallbackChannel = channel, FallbackSpec = new MessageSpec(ProposalTexts.DmsClosed.Format(lang, $"<@{to.UserId}>"), AllowedMentions.Only(to.UserId)) }
            : letter;
    }
}
