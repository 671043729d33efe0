using System.Globalization;
using CrossCoaching.Discord;
using CrossCoaching.Tests.Emulator;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// Reads the day back: the sessions from the bot's database (their final state only), the rooms and messages from the
/// emulator's record, which does not depend on how the bot keeps its books. A room belongs to the pair whose two members
/// its overwrites name (each pair has one session in the day); a message to its session by its buttons or its room.
/// </summary>
public static class FaultRecord
{
    public static IReadOnlyList<DaySession> Sessions(string databasePath, DateTimeOffset lastSlot)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        var rows = connection.Query<(long Id, long A, long B, string Status, string Kind, string SlotAt, string CreatedAt, long Reminder, string? OpenState, long Attended)>(
            """
            SELECT s.id, p.member_a_id, p.member_b_id, s.status, s.kind, s.slot_at, s.created_at, COALESCE(r.reminder_minutes, 0),
                   (SELECT st.state FROM session_steps st WHERE st.session_id = s.id AND st.step = 'open'),
                   (SELECT COUNT(*) FROM attendance a WHERE a.session_id = s.id)
            FROM sessions s JOIN pairs p ON p.id = s.pair_id LEFT JOIN rituals r ON r.pair_id = s.pair_id
            """);
        return rows
            .Select(r => (Row: r, Slot: Instant(r.SlotAt)))
            .Where(r => r.Slot <= lastSlot) // next week's sessions, planned as the day's closed, are not part of the day
            .Select(r => new DaySession(r.Row.Id, new Snowflake((ulong)r.Row.A), new Snowflake((ulong)r.Row.B), r.Row.Status,
                Opened: r.Row.OpenState is { } state ? state == "done" : r.Row.Status is "open" or "closed",
                ReminderPlanned: r.Row.Kind == "ritual" && r.Row.Reminder > 0 && r.Slot - Instant(r.Row.CreatedAt) > TimeSpan.FromMinutes(1),
                Empty: r.Row.Attended == 0))
            .ToList();
    }

    /// <summary>Session counts by status, for the progress lines; "?" while the database cannot be read.</summary>
    public static string Statuses(string databasePath)
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
            var rows = connection.Query<(string Status, long Count)>("SELECT status, COUNT(*) FROM sessions GROUP BY status ORDER BY status");
            return string.Join(", ", rows.Select(r => $"{r.Count} {r.Status}"));
        }
        catch (SqliteException e)
        {
            return $"? ({e.SqliteErrorCode})";
        }
    }

    public static IReadOnlyList<EmulatedChannel> Rooms(DiscordEmulator discord, IReadOnlyCollection<Snowflake> guilds) =>
        discord.ChannelsCreatedByBot.Where(c => c.GuildId is { } g && guilds.Contains(g) && c.IsVoice).ToList();

    /// <summary>The session a room was made for, through the two members its overwrites let in.</summary>
    public static long? SessionOf(EmulatedChannel room, Snowflake bot, IReadOnlyList<DaySession> sessions)
    {
        var members = room.Overwrites.Where(o => o.Type == 1 && o.Id != bot).Select(o => o.Id).ToHashSet();
        return sessions.FirstOrDefault(s => members.Count == 2 && members.SetEquals([s.MemberA, s.MemberB]))?.Id;
    }

    /// <summary>
    /// Whether someone other than the partners could see the room: any member of the server but the owner and the bot
    /// (a member with no role stands for @everyone), by Discord's permission algorithm on the room's overwrites.
    /// </summary>
    public static bool IsPublic(DiscordEmulator discord, EmulatedChannel room, IReadOnlySet<Snowflake> partners)
    {
        var guild = discord.Guild(room.GuildId!.Value);
        return guild.MembersById.Values
            .Where(m => m.UserId != guild.OwnerId && m.UserId != discord.BotUserId && !partners.Contains(m.UserId))
            .Any(m => (Tests.Emulator.PermissionCalculator.InChannel(guild, m, room) & Perms.ViewChannel) != 0);
    }

    public static IReadOnlySet<Snowflake> PartnersIn(EmulatedChannel room, Snowflake bot) =>
        room.Overwrites.Where(o => o.Type == 1 && o.Id != bot).Select(o => o.Id).ToHashSet();

    /// <summary>Every message the bot posted that is one of a session's, with its recipient.</summary>
    public static IReadOnlyList<Delivery> Deliveries(DiscordEmulator discord, IReadOnlyDictionary<Snowflake, long?> roomSessions)
    {
        var dms = discord.Channels.Where(c => c.Type == EmulatedChannelType.Dm).ToDictionary(c => c.Id, c => c.RecipientId);
        var deliveries = new List<Delivery>();
        foreach (var message in discord.Messages.Where(m => m.Source == MessageSource.ChannelMessage))
        {
            var room = roomSessions.GetValueOrDefault(message.ChannelId);
            if (FaultLedger.Classify(message.CustomIds, room, message.MentionedUserIds.Count > 0) is not { } found)
                continue;
            var recipient = room is not null ? FaultLedger.Room
                : dms.TryGetValue(message.ChannelId, out var user) && user is { } to ? to
                : message.MentionedUserIds.Count > 0 ? message.MentionedUserIds[0] : default; // a reminder's fallback mention in a server channel
            deliveries.Add(new Delivery(found.Session, recipient, found.Kind));
        }

        return deliveries;
    }

    /// <summary>A message the outbox dropped as obsolete, with the moment it became so (its expiry, or its session's close).</summary>
    public sealed record DroppedRow(long Row, long SessionId, Snowflake Recipient, string Kind, DateTimeOffset? ObsoleteAt, DateTimeOffset DroppedAt, long Attempts, string? CreatedAt, string? NextAttemptAt);

    public static IReadOnlyList<DroppedRow> ObsoleteDrops(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        var rows = connection.Query<(long Id, long Session, long? User, string Kind, string? Expires, long UntilEnds, string? ClosedAt, string DoneAt, long Attempts, string Created, string Next)>(
            """
            SELECT o.id, o.session_id, o.notice_user_id, o.kind, o.expires_at, o.until_session_ends, s.closed_at, o.done_at, o.attempts, o.created_at, o.next_attempt_at
            FROM outbox o JOIN sessions s ON s.id = o.session_id
            WHERE o.state = 'dropped' AND o.failure = 'obsolete'
            """);
        return rows.Select(r => new DroppedRow(r.Id, r.Session, new Snowflake((ulong)(r.User ?? 0)), r.Kind,
                r.Expires is { } e ? Instant(e) : r.UntilEnds != 0 && r.ClosedAt is { } c ? Instant(c) : null,
                Instant(r.DoneAt), r.Attempts, r.Created, r.Next))
            .ToList();
    }

    /// <summary>Messages the emulator accepted with a nonce an earlier message in the same channel already carried.</summary>
    public static int NonceRepeats(DiscordEmulator discord) =>
        discord.Messages.Where(m => m.Source == MessageSource.ChannelMessage && m.Nonce is not null)
            .GroupBy(m => (m.ChannelId, m.Nonce)).Sum(g => g.Count() - 1);

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
