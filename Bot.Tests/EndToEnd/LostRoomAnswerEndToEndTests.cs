using CrossCoaching.Discord;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>
/// Discord makes the room and a proxy answers 504, while the room's CHANNEL_CREATE is still on its way: the bot cannot
/// know the room exists from the answer nor from its cache, and must not make a second one.
/// </summary>
public sealed class LostRoomAnswerEndToEndTests
{
    [Fact]
    public async Task A_room_whose_answer_was_lost_is_found_by_asking_Discord_and_the_session_opens_in_it_alone()
    {
        await using var w = await CoachingWorld.StartAsync();
        await w.SetupRoomsCategoryAsync();
        await w.PairAliceAndBobAsync();
        await w.ReplyToAsync(w.Alice, "ritual", "set",
            CommandArg.String("day", "monday"), CommandArg.String("time", "14:00"), CommandArg.String("timezone", "Europe/Paris"));
        var session = await w.NextRitualSessionAsync();
        w.Discord.DelayGatewayEvents(TimeSpan.FromSeconds(30), "CHANNEL_CREATE");
        w.Discord.ScriptLostAnswer("POST", "/guilds/{guild_id}/channels", 504);

        var sessions = w.Bot.Get<SessionRepository>();
        Snowflake? room = null;
        await w.AdvanceToAsync(session.SlotAt, d => (room = sessions.GetAsync(session.Id).Result!.RoomChannelId) is { } r && d.MessagesIn(r).Count >= 1,
            $"the room of session {session.Id} to open");

        var made = Assert.Single(w.VoiceRooms());
        Assert.Equal(made.Id, room);
        Assert.Single(w.Discord.RequestsTo("GET /guilds/{guild_id}/channels"));
        Assert.Empty(w.Discord.InternalErrors);
    }
}
