using System.Text;
using CrossCoaching.Progress.Pictures;
using Ical.Net;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>Talks held outside Discord (<c>/ritual set place:</c>) and the check-in after them or after an empty room.</summary>
public sealed class ElsewhereEndToEndTests
{
    private static readonly DateTimeOffset Slot = CoachingWorld.Monday.AddHours(1); // Monday 14:00 in Paris

    private static bool IsCheckIn(EmulatedMessage m) => m.CustomIds.Any(id => id.StartsWith("checkin:yes:", StringComparison.Ordinal));

    private static bool IsReminder(EmulatedMessage m) => m.CustomIds.Any(id => id.StartsWith("session:skip:", StringComparison.Ordinal));

    private static Task<InteractionHandle> SetMondayAsync(CoachingWorld w, string? place, string? locale = null, int duration = 10)
    {
        CommandArg[] args =
        [
            CommandArg.String("day", "monday"), CommandArg.String("time", "14:00"), CommandArg.String("timezone", "Europe/Paris"),
            CommandArg.Integer("duration", duration),
            .. place is null ? Array.Empty<CommandArg>() : [CommandArg.String("place", place)],
        ];
        return w.SendAsync(w.Alice, "ritual", "set", locale, args);
    }

    [Fact]
    public async Task A_ritual_held_by_phone_opens_no_room_reminds_and_a_lone_claim_is_partial_until_both_say_they_talked()
    {
        await using var w = await CoachingSteps.StartAsync();
        await w.PairAliceAndBobAsync();

        var set = await (await SetMondayAsync(w, "phone")).SeenAsync();
        Assert.Contains("by phone (outside Discord: no room is opened)", set.Content, StringComparison.Ordinal);

        await w.AdvanceToAsync(Slot.AddMinutes(-10), d => d.DirectMessagesTo(w.Bob.Id).Any(IsReminder), "the reminder");
        var reminder = w.Discord.DirectMessagesTo(w.Bob.Id).Single(IsReminder);
        Assert.Contains("📍 You talk by phone: no room opens on the server.", reminder.Content, StringComparison.Ordinal);

        // The slot comes and goes without a room; at its end both partners are asked, by DM.
        await w.AdvanceToAsync(Slot.AddMinutes(10),
            d => d.DirectMessagesTo(w.Alice.Id).Any(IsCheckIn) && d.DirectMessagesTo(w.Bob.Id).Any(IsCheckIn), "the check-ins");
        Assert.Empty(w.VoiceRooms());
        var asked = w.Discord.DirectMessagesTo(w.Alice.Id).Single(IsCheckIn);
        Assert.Contains("Your CrossCoaching talk with **Bob** was planned", asked.Content, StringComparison.Ordinal);
        Assert.Contains("by phone. Did you talk?", asked.Content, StringComparison.Ordinal);
        Assert.Empty(asked.PingedUserIds);
        var session = (await w.Bot.Get<SessionRepository>().ListForPairAsync((await w.PairAsync()).Id)).Single(s => s.SlotAt == Slot);
        Assert.Equal((SessionStatus.Closed, SessionOutcome.Missed, TalkPlace.Phone), (session.Status, session.Outcome, session.Place));

        var alone = await (await w.PressAsync(asked, "checkin:yes:", w.Alice)).SeenAsync();
        Assert.Empty(alone.CustomIds);
        Assert.Contains("Until your partner answers too, it counts as partial.", alone.Content, StringComparison.Ordinal);
        Assert.Equal(SessionOutcome.Partial, (await w.Bot.Get<SessionRepository>().GetAsync(session.Id))!.Outcome);
        var partial = await (await w.SendAsync(w.Alice, "stats")).SeenAsync();
        Assert.Contains("Sessions: **0** held · **1** partial · **0** missed", partial.Content, StringComparison.Ordinal);

        var both = await (await w.PressAsync(w.Discord.DirectMessagesTo(w.Bob.Id).Single(IsCheckIn), "checkin:yes:", w.Bob)).SeenAsync();
        Assert.Contains("You both said so: the session counts as held.", both.Content, StringComparison.Ordinal);
        var held = (await w.Bot.Get<SessionRepository>().GetAsync(session.Id))!;
        Assert.Equal((SessionOutcome.Held, PictureOutcome.HeldElsewhere), (held.Outcome, PictureOutcomes.Of(held)));
        var stats = await (await w.SendAsync(w.Alice, "stats")).SeenAsync();
        Assert.Contains("Sessions: **1** held · **0** partial · **0** missed", stats.Content, StringComparison.Ordinal);
        Assert.Contains("Streak: **1** held in a row", stats.Content, StringComparison.Ordinal);
        Assert.Contains("by phone", await w.ReplyToAsync(w.Bob, "ritual", "show"), StringComparison.Ordinal);
        Assert.Empty(w.VoiceRooms());
        Assert.Empty(w.Discord.InternalErrors);
    }

    [Fact]
    public async Task In_French_a_walk_is_checked_in_by_DM_or_in_the_channel_when_DMs_are_closed_and_a_stranger_is_refused()
    {
        await using var w = await CoachingSteps.StartAsync();
        await w.ReplyToAsync(w.Owner, "coaching", "setup", CommandArg.String("language", "fr"));
        await w.PairAliceAndBobAsync();
        var set = await (await SetMondayAsync(w, "walk", locale: "fr")).SeenAsync();
        Assert.Contains("en marchant (hors de Discord : aucun salon n'est ouvert)", set.Content, StringComparison.Ordinal);
        var calendar = await (await w.SendAsync(w.Bob, "ritual", "calendar", locale: "fr")).SeenAsync();
        var ics = Encoding.UTF8.GetString(Assert.Single(calendar.Attachments).Content);
        Assert.Equal("Votre échange CrossCoaching, en marchant : aucun salon ne s'ouvre sur le serveur ; ensuite, le bot vous demande à tous les deux si vous avez parlé.",
            Assert.Single(Calendar.Load(ics)!.Events).Description);
        w.Discord.CloseDms(w.Bob.Id);

        await w.AdvanceToAsync(Slot.AddMinutes(10),
            d => d.DirectMessagesTo(w.Alice.Id).Any(IsCheckIn) && d.MessagesIn(w.General.Id).Any(IsCheckIn), "the check-ins");
        Assert.Contains("Avez-vous parlé ?", w.Discord.DirectMessagesTo(w.Alice.Id).Single(IsCheckIn).Content, StringComparison.Ordinal);
        var inPublic = w.Discord.MessagesIn(w.General.Id).Single(IsCheckIn);
        Assert.StartsWith($"<@{w.Bob.Id}> votre échange CrossCoaching a-t-il eu lieu ?", inPublic.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice", inPublic.Content, StringComparison.Ordinal);
        Assert.Equal([w.Bob.Id], inPublic.PingedUserIds);

        var stranger = await (await w.Discord.PressButtonAsync(inPublic, inPublic.CustomIds.First(), w.Carol.Id, locale: "fr")).WaitForCallbackAsync();
        Assert.True(stranger.Ephemeral);
        Assert.Equal("Ce bouton ne vous est pas destiné.", stranger.Content);

        var bob = await (await w.Discord.PressButtonAsync(inPublic, inPublic.CustomIds.First(id => id.StartsWith("checkin:yes:", StringComparison.Ordinal)), w.Bob.Id, locale: "fr")).SeenAsync();
        Assert.Contains("C'est noté : vous avez parlé.", bob.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice", bob.Content, StringComparison.Ordinal);
        var alice = await (await w.Discord.PressButtonAsync(w.Discord.DirectMessagesTo(w.Alice.Id).Single(IsCheckIn),
            w.Discord.DirectMessagesTo(w.Alice.Id).Single(IsCheckIn).CustomIds.First(id => id.StartsWith("checkin:no:", StringComparison.Ordinal)), w.Alice.Id, locale: "fr")).SeenAsync();
        Assert.Contains("C'est noté : vous n'avez pas parlé cette fois.", alice.Content, StringComparison.Ordinal);

        var session = (await w.Bot.Get<SessionRepository>().ListForPairAsync((await w.PairAsync()).Id)).Single(s => s.SlotAt == Slot);
        Assert.Equal((SessionOutcome.Partial, TalkPlace.Walk), (session.Outcome, session.Place));
        var stats = await (await w.SendAsync(w.Bob, "stats", locale: "fr")).SeenAsync();
        Assert.Contains("tenues : **0** · partielles : **1** · manquées : **0**", stats.Content, StringComparison.Ordinal);
        Assert.Empty(w.VoiceRooms());
        Assert.Empty(w.Discord.InternalErrors);
    }

    [Fact]
    public async Task A_Discord_room_nobody_came_to_offers_the_check_in_and_both_answers_make_it_held_elsewhere()
    {
        await using var w = await CoachingSteps.StartAsync();
        await w.PairAliceAndBobAsync();
        await (await SetMondayAsync(w, place: null, duration: 1)).SeenAsync();

        var closed = await w.RunSessionAsync(await w.NextRitualSessionAsync(), together: false);
        Assert.Equal(SessionOutcome.Missed, closed.Outcome);
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Alice.Id).Any(IsCheckIn) && d.DirectMessagesTo(w.Bob.Id).Any(IsCheckIn), what: "the check-ins");
        var asked = w.Discord.DirectMessagesTo(w.Bob.Id).Single(IsCheckIn);
        Assert.Contains("Nobody came to your CrossCoaching room with **Alice**", asked.Content, StringComparison.Ordinal);

        await (await w.PressAsync(asked, "checkin:yes:", w.Bob)).SeenAsync();
        await (await w.PressAsync(w.Discord.DirectMessagesTo(w.Alice.Id).Single(IsCheckIn), "checkin:yes:", w.Alice)).SeenAsync();

        var held = (await w.Bot.Get<SessionRepository>().GetAsync(closed.Id))!;
        Assert.Equal((SessionOutcome.Held, TalkPlace.Elsewhere, PictureOutcome.HeldElsewhere), (held.Outcome, held.Place, PictureOutcomes.Of(held)));
        // The offer is made once: a reconciler pass after the answers owes nothing more.
        await w.Bot.Get<CrossCoaching.Sessions.Elsewhere.CheckInOffer>().ReconcileAsync();
        Assert.Single(w.Discord.DirectMessagesTo(w.Bob.Id), m => m.Content.StartsWith("Nobody came", StringComparison.Ordinal));
        Assert.Empty(w.Discord.InternalErrors);
    }
}
