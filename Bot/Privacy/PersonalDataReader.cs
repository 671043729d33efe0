using System.Globalization;
using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Pool;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using CrossCoaching.Takeaways;
using Dapper;

namespace CrossCoaching.Privacy;

/// <summary>Gathers what the bot stores about one member in one guild, for <c>/me export</c>.</summary>
public sealed class PersonalDataReader(
    SqliteConnectionFactory connections,
    PairRepository pairs,
    RitualRepository rituals,
    SessionRepository sessions,
    TakeawayRepository takeaways,
    TimeProvider time)
{
    public async Task<PersonalExport> ReadAsync(Snowflake guildId, Snowflake userId, CancellationToken cancellationToken = default)
    {
        var mine = (await pairs.ListInGuildAsync(guildId, cancellationToken)).Where(p => p.Has(userId)).OrderBy(p => p.CreatedAt).ToList();
        await using var connection = await connections.OpenAsync(cancellationToken);
        var meta = (await connection.QueryAsync<PairMeta>(
            "SELECT id AS Id, ended_at AS EndedAt, end_reason AS EndReason FROM pairs WHERE id IN @ids",
            new { ids = SqlLists.OrNoId(mine.Select(p => p.Id)) })).ToDictionary(m => m.Id);
        var displayName = await connection.QuerySingleOrDefaultAsync<string>(
            "SELECT display_name FROM pair_members WHERE guild_id = @guildId AND user_id = @userId", new { guildId, userId });

        var exported = new List<ExportPair>();
        foreach (var pair in mine)
            exported.Add(await PairAsync(connection, pair, meta[pair.Id], userId, cancellationToken));
        return new PersonalExport(PersonalExport.FormatName, guildId.ToString(), userId.ToString(), time.GetUtcNow(), displayName, exported,
            await InvitationsAsync(connection, guildId, userId), await PoolPersonalData.ReadAsync(connection, guildId, userId));
    }

    private async Task<ExportPair> PairAsync(System.Data.Common.DbConnection connection, Pair pair, PairMeta meta, Snowflake userId, CancellationToken cancellationToken)
    {
        var history = await sessions.ListForPairAsync(pair.Id, cancellationToken);
        var numbers = TakeawaySessions.Numbers(history);
        var stays = (await connection.QueryAsync<StayRow>(
            "SELECT session_id AS SessionId, joined_at AS JoinedAt, left_at AS LeftAt FROM attendance WHERE user_id = @userId AND session_id IN @ids ORDER BY joined_at",
            new { userId, ids = SqlLists.OrNoId(history.Select(s => s.Id)) })).ToLookup(s => s.SessionId);
        var written = (await takeaways.ListForPairAsync(pair.Id, cancellationToken)).Where(t => t.AuthorId == userId).ToDictionary(t => t.SessionId);
        var answers = await connection.QueryAsync<AnswerRow>(
            "SELECT round_number AS Round, answer AS Answer, answered_at AS AnsweredAt FROM round_answers WHERE pair_id = @Id AND user_id = @userId ORDER BY round_number",
            new { pair.Id, userId });
        var partner = pair.PartnerOf(userId);
        // Statuses, outcomes and days stay codes here, the same in every language: the JSON is data for programs.
        // ExportMarkdown turns each into the member's words (ExportWords).
        return new ExportPair(
            pair.Id, pair.MemberA == userId ? "invited" : "accepted", pair.NameOf(userId), partner.ToString(),
            FormerMember.Display(partner, pair.NameOf(partner), Lang.En), pair.Status.ToString().ToLowerInvariant(), pair.RoundNumber,
            pair.CreatedAt, meta.EndedAt, meta.EndReason, await RitualAsync(pair.Id, userId, cancellationToken),
            [.. history.Select(s => new ExportSession(
                s.Id, numbers[s.Id], s.Kind.ToString().ToLowerInvariant(), s.SlotAt, s.DurationMinutes, s.Status.ToString().ToLowerInvariant(),
                s.Outcome?.ToString().ToLowerInvariant(), s.ClosedAt,
                [.. stays[s.Id].Select(x => new ExportStay(x.JoinedAt, x.LeftAt))],
                written.TryGetValue(s.Id, out var t) ? new ExportTakeaway(t.Text, t.Visibility.Code(), t.CreatedAt, t.UpdatedAt, t.RevealedAt) : null))],
            [.. answers.Select(a => new ExportRoundAnswer((int)a.Round, a.Answer, a.AnsweredAt))]);
    }

    private async Task<ExportRitual?> RitualAsync(long pairId, Snowflake userId, CancellationToken cancellationToken) =>
        await rituals.GetAsync(pairId, cancellationToken) is not { } r ? null : new ExportRitual(
            r.Rule.Frequency.Code(), r.Rule.Day.ToString(), r.Rule.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture), r.Rule.TimeZoneId,
            r.DurationMinutes, r.ReminderMinutes, r.Paused, r.PausedUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.UpdatedAt, r.UpdatedBy == userId,
            Sessions.TalkPlaces.Code(r.Place));

    private static async Task<IReadOnlyList<ExportInvitation>> InvitationsAsync(System.Data.Common.DbConnection connection, Snowflake guildId, Snowflake userId)
    {
        var rows = await connection.QueryAsync<InvitationRow>(
            """
            SELECT inviter_id AS InviterId, inviter_name AS InviterName, invitee_id AS InviteeId, status AS Status, created_at AS CreatedAt,
                   expires_at AS ExpiresAt, answered_at AS AnsweredAt
            FROM invitations WHERE guild_id = @guildId AND (inviter_id = @userId OR invitee_id = @userId) ORDER BY created_at
            """, new { guildId, userId });
        return [.. rows.Select(r => r.InviterId == userId
            ? new ExportInvitation("sent", r.InviteeId.ToString(), null, r.Status, r.CreatedAt, r.ExpiresAt, r.AnsweredAt)
            : new ExportInvitation("received", r.InviterId.ToString(), r.InviterName, r.Status, r.CreatedAt, r.ExpiresAt, r.AnsweredAt))];
    }

    private sealed record PairMeta(long Id, DateTimeOffset? EndedAt, string? EndReason);

    private sealed record AnswerRow(long Round, string Answer, DateTimeOffset AnsweredAt);

    private sealed record StayRow(long SessionId, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt);

    private sealed record InvitationRow(
        Snowflake InviterId, string InviterName, Snowflake InviteeId, string Status, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt);
}
