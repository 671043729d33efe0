using CrossCoaching.Discord;

namespace CrossCoaching.Benchmarks;

/// <summary>A session of the day as the bot's database describes it at the end.</summary>
/// <param name="Opened">The database says the session opened (its open step is done).</param>
/// <param name="ReminderPlanned">A ritual with a reminder, planned more than a minute before its slot (the bot plans no reminder later).</param>
/// <summary>
/// A session of the scripted day. <see cref="Empty"/>: nobody was ever recorded in its room (the day's partners never
/// join one), so the bot owes no time-box warning there and, after the close, a check-in instead of the thanks.
/// </summary>
public sealed record DaySession(long Id, Snowflake MemberA, Snowflake MemberB, string Status, bool Opened, bool ReminderPlanned, bool Empty = false)
{
    public bool Finished => Status is not ("scheduled" or "open");
}

/// <summary>A message the emulator recorded, tied to its session: to a partner (a DM), or to the room (<see cref="FaultLedger.Room"/>).</summary>
public sealed record Delivery(long SessionId, Snowflake Recipient, string Kind);

/// <summary>A room the bot created: its session (null when it could not be told), whether it was deleted, whether anyone else could see it.</summary>
public sealed record DayRoom(long? SessionId, bool Deleted, bool Public);

/// <summary>
/// A message the bot's outbox dropped as obsolete. <see cref="Justified"/>: message posts were failing when it became
/// obsolete (a reminder at its slot, a room message at the session's close), so it could not have gone out in time.
/// </summary>
public sealed record Drop(long SessionId, Snowflake Recipient, string Kind, bool Justified);

/// <param name="Obsolete">Owed, never delivered, and dropped by the bot for good reason (<see cref="Drop.Justified"/>): by design, not lost.</param>
public sealed record KindFigures(int Owed, int Delivered, int Lost, int Duplicated, int Obsolete = 0);

/// <param name="DroppedWithoutCause">Of <see cref="Lost"/>: dropped as obsolete although posts were not failing when it became so.</param>
/// <param name="NonceRepeats">Messages posted with a nonce an earlier accepted message already carried: a retry Discord did not recognise.</param>
public sealed record FaultFigures(
    int Sessions, int Opened, int Unfinished, int RoomsCreated, int RoomsLeftOpen, int DuplicateRooms, int PublicRooms, int UnattributedRooms,
    int Owed, int Delivered, int Lost, int Duplicated, int Unowed, IReadOnlyDictionary<string, KindFigures> ByKind,
    int Obsolete = 0, int DroppedWithoutCause = 0, int NonceRepeats = 0)
{
    public bool TargetsMet => PublicRooms == 0 && RoomsLeftOpen == 0 && DuplicateRooms == 0 && Lost == 0 && Duplicated == 0 && NonceRepeats == 0;
}

/// <summary>
/// The fault benchmark's arithmetic, apart from the emulator and the database so that it can be tested alone: which
/// messages each session was owed, which arrived, and which arrived twice, matched by session, recipient and kind.
/// </summary>
public static class FaultLedger
{
    public const string Remind = "remind", Welcome = "welcome", Warn = "warn", After = "after";

    public static readonly string[] Kinds = [Remind, Welcome, Warn, After];

    /// <summary>The recipient of a message posted in the room itself.</summary>
    public static Snowflake Room => default;

    /// <summary>What <see cref="OwedBy"/> counts, as printed beside the figures.</summary>
    public const string OwedRule =
        "owed per session, from its final state in the bot's database: a reminder to each partner when the ritual has one " +
        "and the session opened (a missed slot owes none); a welcome in the room when it opened; when it opened and then " +
        "closed, the after-session message to each partner (the thanks when someone came, the check-in when the room " +
        "stayed empty) and, when someone came, the time-box warning in the room (an empty room gets none). One the bot dropped as " +
        "obsolete (a reminder at its slot, a room message once the session closed) is obsolete by design, not lost, only " +
        "if message posts were failing when it became obsolete (or at most 5 s before); otherwise it counts as lost.";

    public static IEnumerable<(long Session, Snowflake Recipient, string Kind)> OwedBy(DaySession session)
    {
        if (!session.Opened)
            yield break;
        if (session.ReminderPlanned)
        {
            yield return (session.Id, session.MemberA, Remind);
            yield return (session.Id, session.MemberB, Remind);
        }

        yield return (session.Id, Room, Welcome);
        if (session.Status != "closed")
            yield break;
        if (!session.Empty)
            yield return (session.Id, Room, Warn);
        yield return (session.Id, session.MemberA, After);
        yield return (session.Id, session.MemberB, After);
    }

    /// <summary>
    /// A message's session and kind: by its buttons (the reminder's skip / running-late, the after-session's share or the
    /// empty room's check-in), or,
    /// in a session's room, by its mentions (the welcome names both partners; the warning names no one). Null: not one
    /// of the messages counted here.
    /// </summary>
    public static (long Session, string Kind)? Classify(IEnumerable<string> customIds, long? roomSession, bool mentionsSomeone)
    {
        foreach (var id in customIds)
        {
            var parts = id.Split(':');
            if (parts.Length == 3 && long.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, out var session))
            {
                if (parts[0] == "session" && parts[1] is "skip" or "late")
                    return (session, Remind);
                if (parts[0] == "takeaway" && parts[1] == "share" || parts[0] == "checkin" && parts[1] == "yes")
                    return (session, After);
            }
        }

        return roomSession is { } room ? (room, mentionsSomeone ? Welcome : Warn) : null;
    }

    /// <summary>
    /// The figures. An owed message never delivered is lost, unless the bot dropped it as obsolete for good reason
    /// (<paramref name="drops"/>): then it is counted apart, as obsolete by design.
    /// </summary>
    public static FaultFigures Count(IReadOnlyList<DaySession> sessions, IReadOnlyList<DayRoom> rooms, IReadOnlyList<Delivery> deliveries,
        IReadOnlyList<Drop>? drops = null, int nonceRepeats = 0)
    {
        var owed = sessions.SelectMany(OwedBy).ToHashSet();
        var counted = deliveries.GroupBy(d => (d.SessionId, d.Recipient, d.Kind)).ToDictionary(g => g.Key, g => g.Count());
        var justified = (drops ?? []).Where(d => d.Justified).Select(d => (d.SessionId, d.Recipient, d.Kind)).ToHashSet();
        var unjustified = (drops ?? []).Where(d => !d.Justified).Select(d => (d.SessionId, d.Recipient, d.Kind)).ToHashSet();
        bool Missing((long, Snowflake, string) k) => counted.GetValueOrDefault(k) == 0;
        int Lost(IEnumerable<(long, Snowflake, string)> keys) => keys.Count(k => Missing(k) && !justified.Contains(k));
        int Obsolete(IEnumerable<(long, Snowflake, string)> keys) => keys.Count(k => Missing(k) && justified.Contains(k));
        static int Extra(IEnumerable<int> counts) => counts.Sum(c => Math.Max(0, c - 1));

        var byKind = Kinds.ToDictionary(kind => kind, kind => new KindFigures(
            owed.Count(k => k.Item3 == kind),
            counted.Where(c => c.Key.Kind == kind).Sum(c => c.Value),
            Lost(owed.Where(k => k.Item3 == kind)),
            Extra(counted.Where(c => c.Key.Kind == kind).Select(c => c.Value)),
            Obsolete(owed.Where(k => k.Item3 == kind))));
        var roomsPerSession = rooms.Where(r => r.SessionId is not null).GroupBy(r => r.SessionId).Select(g => g.Count());
        return new FaultFigures(
            Sessions: sessions.Count,
            Opened: sessions.Count(s => s.Opened),
            Unfinished: sessions.Count(s => !s.Finished),
            RoomsCreated: rooms.Count,
            RoomsLeftOpen: rooms.Count(r => !r.Deleted),
            DuplicateRooms: Extra(roomsPerSession),
            PublicRooms: rooms.Count(r => r.Public),
            UnattributedRooms: rooms.Count(r => r.SessionId is null),
            Owed: owed.Count,
            Delivered: deliveries.Count,
            Lost: Lost(owed),
            Duplicated: Extra(counted.Values),
            Unowed: counted.Keys.Count(k => !owed.Contains(k)),
            ByKind: byKind,
            Obsolete: Obsolete(owed),
            DroppedWithoutCause: owed.Count(k => Missing(k) && unjustified.Contains(k) && !justified.Contains(k)),
            NonceRepeats: nonceRepeats);
    }
}
