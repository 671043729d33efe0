using CrossCoaching.Benchmarks;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.BenchmarkTests;

public sealed class FaultLedgerTests
{
    private static readonly Snowflake A = new(11), B = new(12), C = new(21), D = new(22);

    [Fact]
    public void A_session_that_opened_and_closed_owes_two_reminders_a_welcome_a_warning_and_two_after_session_messages()
    {
        var owed = FaultLedger.OwedBy(new DaySession(1, A, B, "closed", Opened: true, ReminderPlanned: true)).ToList();

        Assert.Equal(
            [(1L, A, "remind"), (1L, B, "remind"), (1L, FaultLedger.Room, "welcome"), (1L, FaultLedger.Room, "warn"), (1L, A, "after"), (1L, B, "after")],
            owed);
    }

    [Fact]
    public void A_session_whose_room_stayed_empty_owes_no_warning_and_a_check_in_to_each_partner_counted_as_its_after_session_message()
    {
        var owed = FaultLedger.OwedBy(new DaySession(1, A, B, "closed", Opened: true, ReminderPlanned: false, Empty: true)).ToList();

        Assert.Equal([(1L, FaultLedger.Room, "welcome"), (1L, A, "after"), (1L, B, "after")], owed);
        Assert.Equal((1L, "after"), FaultLedger.Classify(["checkin:yes:1", "checkin:no:1"], roomSession: null, mentionsSomeone: false));
    }

    [Fact]
    public void A_missed_session_owes_nothing_and_one_without_a_reminder_owes_no_reminder()
    {
        Assert.Empty(FaultLedger.OwedBy(new DaySession(1, A, B, "missed", Opened: false, ReminderPlanned: true)));
        Assert.DoesNotContain(FaultLedger.OwedBy(new DaySession(2, A, B, "closed", Opened: true, ReminderPlanned: false)), o => o.Kind == "remind");
    }

    [Fact]
    public void Lost_duplicated_and_unowed_messages_are_told_apart_by_session_recipient_and_kind()
    {
        var sessions = new[]
        {
            new DaySession(1, A, B, "closed", Opened: true, ReminderPlanned: true),
            new DaySession(2, C, D, "missed", Opened: false, ReminderPlanned: true),
        };
        var deliveries = new[]
        {
            new Delivery(1, A, "remind"), new Delivery(1, A, "remind"), new Delivery(1, B, "remind"), // A's reminder twice
            new Delivery(1, FaultLedger.Room, "welcome"), // no warning: lost
            new Delivery(1, A, "after"), new Delivery(1, B, "after"), new Delivery(1, B, "after"), new Delivery(1, B, "after"), // B's twice more
            new Delivery(2, C, "remind"), // sent for a session that then missed its slot: not owed, not a duplicate
        };
        var rooms = new[] { new DayRoom(1, Deleted: true, Public: false), new DayRoom(1, Deleted: false, Public: true), new DayRoom(null, Deleted: true, Public: false) };

        var figures = FaultLedger.Count(sessions, rooms, deliveries);

        Assert.Equal((6, 1, 3, 1), (figures.Owed, figures.Lost, figures.Duplicated, figures.Unowed));
        Assert.Equal(new KindFigures(Owed: 1, Delivered: 0, Lost: 1, Duplicated: 0), figures.ByKind["warn"]);
        Assert.Equal(new KindFigures(Owed: 2, Delivered: 4, Lost: 0, Duplicated: 2), figures.ByKind["after"]);
        Assert.Equal((3, 1, 1, 1, 1), (figures.RoomsCreated, figures.RoomsLeftOpen, figures.DuplicateRooms, figures.PublicRooms, figures.UnattributedRooms));
        Assert.Equal((2, 1, 0), (figures.Sessions, figures.Opened, figures.Unfinished));
        Assert.False(figures.TargetsMet);
    }

    [Fact]
    public void A_clean_day_meets_every_target()
    {
        var session = new DaySession(1, A, B, "closed", Opened: true, ReminderPlanned: false);
        var deliveries = FaultLedger.OwedBy(session).Select(o => new Delivery(o.Session, o.Recipient, o.Kind)).ToList();

        var figures = FaultLedger.Count([session], [new DayRoom(1, Deleted: true, Public: false)], deliveries);

        Assert.True(figures.TargetsMet);
        Assert.Equal((4, 4, 0), (figures.Owed, figures.Delivered, figures.Unowed));
    }

    [Fact]
    public void An_owed_message_dropped_while_posts_were_failing_is_obsolete_by_design_and_one_dropped_without_cause_is_lost()
    {
        var session = new DaySession(1, A, B, "closed", Opened: true, ReminderPlanned: true);
        var deliveries = new[]
        {
            new Delivery(1, FaultLedger.Room, "welcome"), new Delivery(1, FaultLedger.Room, "warn"),
            new Delivery(1, A, "after"), new Delivery(1, B, "after"),
        };
        var drops = new[] { new Drop(1, A, "remind", Justified: true), new Drop(1, B, "remind", Justified: false) };

        var figures = FaultLedger.Count([session], [new DayRoom(1, Deleted: true, Public: false)], deliveries, drops);

        Assert.Equal((6, 1, 1, 1), (figures.Owed, figures.Obsolete, figures.Lost, figures.DroppedWithoutCause));
        Assert.Equal(new KindFigures(Owed: 2, Delivered: 0, Lost: 1, Duplicated: 0, Obsolete: 1), figures.ByKind["remind"]);
        Assert.False(figures.TargetsMet);
    }

    [Fact]
    public void A_message_dropped_as_obsolete_after_it_was_delivered_counts_as_delivered_and_the_day_can_meet_every_target()
    {
        var session = new DaySession(1, A, B, "closed", Opened: true, ReminderPlanned: false);
        var deliveries = FaultLedger.OwedBy(session).Select(o => new Delivery(o.Session, o.Recipient, o.Kind)).ToList();

        var figures = FaultLedger.Count([session], [new DayRoom(1, Deleted: true, Public: false)], deliveries, [new Drop(1, FaultLedger.Room, "warn", Justified: false)]);

        Assert.Equal((0, 0, 0), (figures.Lost, figures.Obsolete, figures.DroppedWithoutCause));
        Assert.True(figures.TargetsMet);
    }

    [Fact]
    public void A_nonce_accepted_twice_misses_the_duplicate_target_even_when_the_kinds_do_not_show_it()
    {
        var session = new DaySession(1, A, B, "closed", Opened: true, ReminderPlanned: false);
        var deliveries = FaultLedger.OwedBy(session).Select(o => new Delivery(o.Session, o.Recipient, o.Kind)).ToList();

        var figures = FaultLedger.Count([session], [new DayRoom(1, Deleted: true, Public: false)], deliveries, nonceRepeats: 1);

        Assert.Equal((0, 1), (figures.Duplicated, figures.NonceRepeats));
        Assert.False(figures.TargetsMet);
    }

    [Theory]
    [InlineData("session:skip:42", null, false, 42L, "remind")]
    [InlineData("session:late:42", null, false, 42L, "remind")]
    [InlineData("takeaway:share:7", null, false, 7L, "after")]
    [InlineData("", 5L, true, 5L, "welcome")]
    [InlineData("", 5L, false, 5L, "warn")]
    public void A_message_is_classified_by_its_buttons_or_by_its_room(string customId, long? room, bool mentions, long session, string kind)
    {
        string[] ids = customId.Length > 0 ? [customId] : [];

        Assert.Equal((session, kind), FaultLedger.Classify(ids, room, mentions));
    }

    [Fact]
    public void Other_messages_are_not_classified()
    {
        Assert.Null(FaultLedger.Classify(["pair:accept:3"], roomSession: null, mentionsSomeone: true));
        Assert.Null(FaultLedger.Classify([], roomSession: null, mentionsSomeone: false));
    }
}
