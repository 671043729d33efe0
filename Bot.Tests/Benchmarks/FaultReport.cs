using CrossCoaching.Discord;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Benchmarks;

/// <summary>The fault benchmark's figures against its targets, and the definitions they rest on.</summary>
public static class FaultReport
{
    /// <summary>How long after an outage a drop still counts as caused by it: the worker's poll and first retry.</summary>
    private static readonly TimeSpan DropSlack = TimeSpan.FromSeconds(5);

    public static FaultFigures Print(DiscordEmulator discord, IReadOnlyList<Snowflake> guilds, string databasePath, DateTimeOffset lastSlot,
        IReadOnlySet<Snowflake> seenPublic, FaultPlan plan, DateTimeOffset start)
    {
        var sessions = FaultRecord.Sessions(databasePath, lastSlot);
        var rooms = FaultRecord.Rooms(discord, [.. guilds]);
        var roomSessions = rooms.ToDictionary(r => r.Id, r => FaultRecord.SessionOf(r, discord.BotUserId, sessions));
        var dayRooms = rooms.Select(r => new DayRoom(roomSessions[r.Id], r.DeletedAt is not null,
            seenPublic.Contains(r.Id) || FaultRecord.IsPublic(discord, r, FaultRecord.PartnersIn(r, discord.BotUserId)))).ToList();
        var dropped = FaultRecord.ObsoleteDrops(databasePath);
        bool Justified(FaultRecord.DroppedRow d) => d.ObsoleteAt is { } at && plan.PostsFailing(at - start, DropSlack);
        var drops = dropped.Select(d => new Drop(d.SessionId, d.Recipient, d.Kind, Justified(d))).ToList();
        var figures = FaultLedger.Count(sessions, dayRooms, FaultRecord.Deliveries(discord, roomSessions), drops, FaultRecord.NonceRepeats(discord));

        Console.WriteLine();
        Console.WriteLine($"  sessions of the day: {figures.Sessions} ({FaultRecord.Statuses(databasePath)} in the database, next week's included); " +
            $"opened {figures.Opened}, unfinished {figures.Unfinished}");
        Console.WriteLine($"  message posts answered with a failure: {discord.RequestsTo("POST " + FaultBenchmark.MessageRoute).Count(r => r.Status >= 500)} " +
            "(outages, and lost answers: carried out, then answered 502/504)");
        Console.WriteLine();
        Console.WriteLine($"  {"figure",-36} {"value",8}   target");
        Row("rooms created", figures.RoomsCreated, null);
        Row("public rooms (seen by a non-partner)", figures.PublicRooms, 0);
        Row("rooms left open after the day", figures.RoomsLeftOpen, 0);
        Row("duplicate rooms (beyond 1 a session)", figures.DuplicateRooms, 0);
        Row("rooms tied to no session", figures.UnattributedRooms, null);
        Row("messages owed", figures.Owed, null);
        Row("messages delivered", figures.Delivered, null);
        Row("lost (owed, never delivered)", figures.Lost, 0);
        Row("  of which dropped without cause", figures.DroppedWithoutCause, null);
        Row("dropped as obsolete (by design)", figures.Obsolete, null);
        Row("duplicated (delivered again)", figures.Duplicated, 0);
        Row("same nonce accepted twice", figures.NonceRepeats, 0);
        Row("delivered though not owed", figures.Unowed, null);
        Console.WriteLine();
        Console.WriteLine($"  {"by kind",-12} {"owed",6} {"delivered",10} {"lost",6} {"obsolete",9} {"duplicated",11}");
        foreach (var (kind, k) in figures.ByKind)
            Console.WriteLine($"  {kind,-12} {k.Owed,6} {k.Delivered,10} {k.Lost,6} {k.Obsolete,9} {k.Duplicated,11}");
        Console.WriteLine($"  the outbox dropped {dropped.Count} messages as obsolete, {drops.Count(d => d.Justified)} while posts were failing:");
        foreach (var d in dropped)
            Console.WriteLine($"    {(Justified(d) ? "by design" : "NO CAUSE ")} row {d.Row}: session {d.SessionId} {d.Kind} to {(d.Recipient == FaultLedger.Room ? "the room" : d.Recipient.ToString())}, " +
                $"obsolete at +{d.ObsoleteAt - start:mm\\:ss}, dropped at +{d.DroppedAt - start:mm\\:ss} after {d.Attempts} failed attempts (created {d.CreatedAt}, next attempt {d.NextAttemptAt})");
        Console.WriteLine();
        Console.WriteLine($"  {FaultLedger.OwedRule}");
        Console.WriteLine("  delivered: a message the emulator accepted, tied to a session by its buttons (reminder: skip / running late; " +
            "after-session: share a takeaway, or the empty room's check-in) or by its room (welcome: mentions the partners; warning: mentions no one); " +
            "duplicated: the same session, recipient and kind more than once.");
        Console.WriteLine(figures.TargetsMet ? "  all targets met" : "  TARGETS MISSED: see the rows marked MISSED");
        if (discord.InternalErrors.Count > 0)
            Console.WriteLine($"  emulator internal errors: {discord.InternalErrors.Count}: {discord.InternalErrors[0].Message}");
        Console.WriteLine();
        return figures;
    }

    private static void Row(string what, int value, int? target) =>
        Console.WriteLine($"  {what,-36} {value,8}   {(target is { } t ? $"{t}   {InteractionsBenchmark.Verdict(value == t)}" : "")}");
}
