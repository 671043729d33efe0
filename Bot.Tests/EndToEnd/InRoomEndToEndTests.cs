using CrossCoaching.Messaging;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>In the room: "+5 min", "End now", and the partner told that the other is waiting.</summary>
public sealed class InRoomEndToEndTests
{
    private static readonly DateTimeOffset Slot = CoachingWorld.Monday.AddHours(1); // Monday 14:00 in Paris

    /// <summary>Ten-minute sessions with two minutes of grace: the warning and the close are apart, so both can be seen to move.</summary>
    private static async Task<(CoachingWorld World, Session Session, EmulatedChannel Room, EmulatedMessage Welcome)> OpenRoomAsync()
    {
        var w = await CoachingSteps.StartAsync(new() { ["Sessions:GraceMinutes"] = "2" });
        await w.PairAliceAndBobAsync();
        await w.ReplyToAsync(w.Alice, "ritual", "set", CommandArg.String("day", "monday"), CommandArg.String("time", "14:00"),
            CommandArg.String("timezone", "Europe/Paris"), CommandArg.Integer("duration", 10), CommandArg.Integer("reminder", 0));
        var session = await w.NextRitualSessionAsync();
        await w.AdvanceToAsync(Slot, d => w.VoiceRooms().Count == 1 && d.MessagesIn(w.VoiceRooms()[0].Id).Count >= 1, "the room and its welcome");
        var room = w.VoiceRooms()[0];
        return (w, session, room, w.Discord.MessagesIn(room.Id)[0]);
    }

    private static bool IsWarning(EmulatedMessage m) => m.Content.StartsWith("⌛ Time's up!", StringComparison.Ordinal);

    private static bool Waiting(EmulatedMessage m) => m.Content.Contains("is waiting for you", StringComparison.Ordinal);

    [Fact]
    public async Task Plus_five_minutes_moves_the_warning_and_the_close_across_a_restart_and_a_fourth_press_is_refused()
    {
        var (w, session, room, welcome) = await OpenRoomAsync();
        await using var _ = w;
        await w.JoinRoomAsync(room.Id, w.Alice, w.Bob);

        var first = await (await w.PressAsync(welcome, "room:extend:", w.Alice)).WaitForCallbackAsync();
        Assert.False(first.Ephemeral);
        Assert.StartsWith("⏱️ **Alice** added 5 minutes", first.Content, StringComparison.Ordinal);
        Assert.Contains($"<t:{Slot.AddMinutes(15).ToUnixTimeSeconds()}:t>", first.Content, StringComparison.Ordinal);
        var steps = await w.Bot.Get<SessionRepository>().GetStepsAsync(session.Id);
        Assert.Equal(Slot.AddMinutes(17), steps.Single(s => s.Step == SessionStep.Close).DueAt);

        // A restart between the extension and the close: the room outlives its old close and its old warning.
        await w.Bot.RestartAsync();
        w.Time.SetUtcNow(Slot.AddMinutes(12));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Null(w.Discord.FindChannel(room.Id)!.DeletedAt);
        Assert.DoesNotContain(w.Discord.MessagesIn(room.Id), IsWarning);

        await (await w.PressAsync(welcome, "room:extend:", w.Bob)).WaitForCallbackAsync();
        var third = await (await w.PressAsync(welcome, "room:extend:", w.Bob)).WaitForCallbackAsync();
        Assert.Contains("(3 of 3)", third.Content, StringComparison.Ordinal);
        var fourth = await (await w.PressAsync(welcome, "room:extend:", w.Alice)).WaitForCallbackAsync();
        Assert.True(fourth.Ephemeral);
        Assert.Equal("The session was already extended 3 times, the most it can be.", fourth.Content);
        var extended = (await w.Bot.Get<SessionRepository>().GetAsync(session.Id))!;
        Assert.Equal((25, 3), (extended.DurationMinutes, extended.Extensions));

        await w.AdvanceToAsync(Slot.AddMinutes(25), d => d.MessagesIn(room.Id).Any(IsWarning), "the moved warning");
        Assert.Null(w.Discord.FindChannel(room.Id)!.DeletedAt);
        var sessions = w.Bot.Get<SessionRepository>();
        await w.AdvanceToAsync(Slot.AddMinutes(27), d => d.FindChannel(room.Id)!.DeletedAt is not null && sessions.GetAsync(session.Id).Result!.IsFinished, "the moved close");
        Assert.Equal(SessionOutcome.Held, (await sessions.GetAsync(session.Id))!.Outcome);
        // Both came before slot + 2 min: nobody was told the other was waiting.
        Assert.DoesNotContain(w.Discord.DirectMessagesTo(w.Alice.Id).Concat(w.Discord.DirectMessagesTo(w.Bob.Id)), Waiting);
        Assert.Empty(w.Discord.InternalErrors);
    }

    [Fact]
    public async Task End_now_asks_the_one_who_pressed_and_two_confirmations_close_the_room_once()
    {
        var (w, session, room, welcome) = await OpenRoomAsync();
        await using var _ = w;
        w.Discord.JoinVoice(w.Guild.Id, w.Alice.Id, room.Id);
        w.Discord.JoinVoice(w.Guild.Id, w.Bob.Id, room.Id);
        // Only partners who came are thanked: the bot must have seen both joins before the room closes.
        await w.Discord.WaitUntilAsync(_ => w.Bot.Get<AttendanceRepository>().ListAsync(session.Id).Result.Count == 2, what: "both in the room");

        var alice = await (await w.PressAsync(welcome, "room:end:", w.Alice)).SeenAsync();
        var bob = await (await w.Discord.PressButtonAsync(welcome, welcome.CustomIds.Single(id => id.StartsWith("room:end:", StringComparison.Ordinal)), w.Bob.Id, locale: "fr")).SeenAsync();
        Assert.True(alice.IsEphemeral && bob.IsEphemeral);
        Assert.Equal("End the session now for both of you? The room closes at once.", alice.Content);
        Assert.StartsWith("Terminer la séance maintenant pour vous deux ?", bob.Content, StringComparison.Ordinal);
        Assert.Null(w.Discord.FindChannel(room.Id)!.DeletedAt);

        // Both confirm at once: one close, one "share your takeaway" each.
        var pressA = await w.PressAsync(alice, "room:endyes:", w.Alice);
        var pressB = await w.Discord.PressButtonAsync(bob, bob.CustomIds.Single(), w.Bob.Id, locale: "fr");
        await Task.WhenAll(pressA.WaitForCallbackAsync(), pressB.WaitForCallbackAsync());
        var sessions = w.Bot.Get<SessionRepository>();
        await w.Discord.WaitUntilAsync(d => d.FindChannel(room.Id)!.DeletedAt is not null && sessions.GetAsync(session.Id).Result!.IsFinished, what: "the room to close");
        await w.Discord.WaitUntilAsync(d => new[] { w.Alice.Id, w.Bob.Id }.All(u => d.DirectMessagesTo(u).Any(m => m.CustomIds.Any(id => id.StartsWith("takeaway:share:", StringComparison.Ordinal)))),
            what: "the takeaway DMs");
        var closed = (await w.Bot.Get<SessionRepository>().GetAsync(session.Id))!;
        Assert.Equal(SessionStatus.Closed, closed.Status);
        Assert.True(closed.ClosedAt < Slot.AddMinutes(10));
        await w.Bot.Get<OutboxWorker>().WhenIdleAsync();
        Assert.Single(w.Discord.DirectMessagesTo(w.Alice.Id), m => m.CustomIds.Any(id => id.StartsWith("takeaway:share:", StringComparison.Ordinal)));
        Assert.Single(w.Discord.DirectMessagesTo(w.Bob.Id), m => m.CustomIds.Any(id => id.StartsWith("takeaway:share:", StringComparison.Ordinal)));
        Assert.Equal(1, w.Discord.ChannelsCreatedByBot.Count(c => c.Id == room.Id && c.DeletedAt is not null));
        Assert.Empty(w.Discord.InternalErrors);
    }

    [Fact]
    public async Task A_partner_alone_in_the_room_two_minutes_after_the_slot_has_the_other_told_once_with_a_link()
    {
        var (w, session, room, _) = await OpenRoomAsync();
        await using var __ = w;
        w.Time.SetUtcNow(Slot.AddMinutes(1));
        w.Discord.JoinVoice(w.Guild.Id, w.Alice.Id, room.Id);
        await w.Discord.WaitUntilAsync(_ => w.Bot.Get<AttendanceRepository>().ListAsync(session.Id).Result.Count == 1, what: "Alice in the room");

        await w.AdvanceToAsync(Slot.AddMinutes(2), d => d.DirectMessagesTo(w.Bob.Id).Any(Waiting), "Bob told Alice is waiting");
        var told = w.Discord.DirectMessagesTo(w.Bob.Id).Single(Waiting);
        Assert.Equal($"**Alice** is waiting for you in your CrossCoaching room: https://discord.com/channels/{w.Guild.Id}/{room.Id}", told.Content);
        Assert.Empty(told.PingedUserIds);

        // Once: a later pass of the reconciler owes nothing more, and Alice, who is there, is never told.
        w.Time.SetUtcNow(Slot.AddMinutes(3));
        await w.Bot.Get<CrossCoaching.Sessions.InRoom.PartnerWaiting>().ReconcileAsync();
        await w.Bot.Get<OutboxWorker>().WhenIdleAsync();
        Assert.Single(w.Discord.DirectMessagesTo(w.Bob.Id), Waiting);
        Assert.DoesNotContain(w.Discord.DirectMessagesTo(w.Alice.Id), Waiting);
        Assert.Empty(w.Discord.InternalErrors);
    }
}
