using CrossCoaching.Discord;
using CrossCoaching.Sessions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>
/// A session room is private to its pair on every path: when the gateway is late, when the rooms category was deleted
/// by hand, and when Discord answers with a room that is not private. Privacy is judged by the emulator's own
/// permission algorithm, for a member with a role, a member with no role, and both partners.
/// </summary>
public sealed class PrivateRoomsEndToEndTests
{
    private static readonly TimeSpan Late = TimeSpan.FromSeconds(30);
    private static readonly string[] ChannelEvents = ["CHANNEL_CREATE", "CHANNEL_UPDATE", "CHANNEL_DELETE"];

    [Fact]
    public async Task A_room_in_a_new_overflow_category_whose_CHANNEL_CREATE_is_late_is_private_to_the_pair()
    {
        await using var w = await CoachingWorld.StartAsync();
        var dave = Outsiders(w);
        for (var i = 0; i < RoomService.CategoryCapacity; i++)
            w.Discord.AddTextChannel(w.Guild.Id, $"full-{i}", w.Rooms.Id);
        var cache = w.Bot.Get<IGuildCache>();
        await w.Discord.WaitUntilAsync(_ => cache.GetGuild(w.Guild.Id)!.Channels.Values.Count(c => c.ParentId == w.Rooms.Id) == RoomService.CategoryCapacity,
            what: "the bot to see the full category");
        await w.SetupRoomsCategoryAsync();
        var session = await PlanSessionAsync(w);
        w.Discord.DelayGatewayEvents(Late, ChannelEvents);

        var room = await OpenAsync(w, session);

        var overflow = w.Discord.ChannelsCreatedByBot.Single(c => c.Type == EmulatedChannelType.GuildCategory);
        Assert.Equal(overflow.Id, room.ParentId);
        Assert.False(cache.GetGuild(w.Guild.Id)!.Channels.ContainsKey(overflow.Id), "the bot made the room before it heard of the category");
        AssertPrivate(w, room, dave);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_rooms_category_deleted_by_hand_sends_rooms_to_the_top_level_still_private_and_tells_the_owner(bool deletionAnnouncedLate)
    {
        await using var w = await CoachingWorld.StartAsync();
        var dave = Outsiders(w);
        await w.SetupRoomsCategoryAsync();
        var session = await PlanSessionAsync(w);
        if (deletionAnnouncedLate)
            w.Discord.DelayGatewayEvents(Late, ChannelEvents);
        w.Discord.DeleteChannel(w.Rooms.Id);

        var room = await OpenAsync(w, session);

        Assert.Null(room.ParentId);
        AssertPrivate(w, room, dave);
        Assert.Null((await w.Bot.Get<GuildSettingsRepository>().GetAsync(w.Guild.Id)).CategoryId);
        await w.Discord.WaitUntilAsync(d => d.DirectMessagesTo(w.Owner.Id).Any(m => m.Content.Contains("no longer exists", StringComparison.Ordinal)),
            what: "the owner to be told the category is gone");
        var setup = await w.ReplyToAsync(w.Owner, "coaching", "setup");
        Assert.Contains($"their category <#{w.Rooms.Id}> was deleted", setup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_the_owner_takes_no_direct_messages_the_managers_are_told_in_the_system_channel_without_a_ping()
    {
        await using var w = await CoachingWorld.StartAsync();
        await w.SetupRoomsCategoryAsync();
        w.Discord.SetSystemChannel(w.Guild.Id, w.General.Id);
        w.Discord.CloseDms(w.Owner.Id);
        var cache = w.Bot.Get<IGuildCache>();
        await w.Discord.WaitUntilAsync(_ => cache.GetGuild(w.Guild.Id)!.SystemChannelId == w.General.Id, what: "the bot to learn the system channel");

        w.Discord.DeleteChannel(w.Rooms.Id);

        await w.Discord.WaitUntilAsync(d => d.MessagesIn(w.General.Id).Any(m => m.Content.Contains("no longer exists", StringComparison.Ordinal)),
            what: "the managers to be told in the system channel");
        var notice = w.Discord.MessagesIn(w.General.Id).Single(m => m.Content.Contains("no longer exists", StringComparison.Ordinal));
        Assert.Empty(notice.PingedUserIds);
        Assert.Contains("For the server's managers", notice.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_room_Discord_makes_without_its_overwrites_is_deleted_at_once_and_the_pair_and_the_owner_are_told()
    {
        await using var w = await CoachingWorld.StartAsync();
        var dave = Outsiders(w);
        await w.SetupRoomsCategoryAsync();
        var session = await PlanSessionAsync(w);
        w.Discord.ScriptOverwritesDroppedOnCreate();

        // Prepared a minute ahead: Discord drops the overwrites of this first room.
        await w.AdvanceToAsync(session.SlotAt.AddSeconds(-62), _ => w.VoiceRooms().Count == 1 && w.VoiceRooms()[0].DeletedAt is not null, "the open room to be deleted");
        var open = w.VoiceRooms()[0];
        await w.Discord.WaitUntilAsync(d => new[] { w.Alice.Id, w.Bob.Id }.All(p => d.DirectMessagesTo(p).Any(m => m.Content.Contains("keep it private", StringComparison.Ordinal)))
            && d.DirectMessagesTo(w.Owner.Id).Any(m => m.Content.Contains("without the permissions that keep it private", StringComparison.Ordinal)),
            what: "the pair and the owner to be told");
        Assert.Empty(w.Discord.MessagesIn(open.Id));
        Assert.Null((await w.Bot.Get<SessionRepository>().GetAsync(session.Id))!.RoomChannelId);

        // At the slot the next try gets a room that is private.
        var room = await OpenAsync(w, session);
        Assert.NotEqual(open.Id, room.Id);
        AssertPrivate(w, room, dave);
    }

    /// <summary>Carol gets a role like most members have; Dave, a new member, has none.</summary>
    private static EmulatedUser Outsiders(CoachingWorld w)
    {
        var members = w.Discord.AddRole(w.Guild.Id, "Members", Perms.EveryoneDefault);
        w.Discord.UpdateMember(w.Guild.Id, w.Carol.Id, [members.Id]);
        var dave = w.Discord.AddUser("dave", globalName: "Dave");
        w.Discord.AddMember(w.Guild.Id, dave.Id);
        return dave;
    }

    private static async Task<Session> PlanSessionAsync(CoachingWorld w)
    {
        await w.PairAliceAndBobAsync();
        await w.ReplyToAsync(w.Alice, "ritual", "set",
            CommandArg.String("day", "monday"), CommandArg.String("time", "14:00"), CommandArg.String("timezone", "Europe/Paris"));
        return await w.NextRitualSessionAsync();
    }

    /// <summary>Moves the clock to the slot and returns the room once its welcome is posted.</summary>
    private static async Task<EmulatedChannel> OpenAsync(CoachingWorld w, Session session)
    {
        var sessions = w.Bot.Get<SessionRepository>();
        Snowflake? room = null;
        await w.AdvanceToAsync(session.SlotAt, d => (room = sessions.GetAsync(session.Id).Result!.RoomChannelId) is { } r && d.MessagesIn(r).Count >= 1,
            $"the room of session {session.Id} to open");
        return w.Discord.FindChannel(room!.Value)!;
    }

    private static void AssertPrivate(CoachingWorld w, EmulatedChannel room, EmulatedUser dave)
    {
        foreach (var outsider in new[] { w.Carol, dave })
        {
            Assert.False(w.Discord.Can(w.Guild.Id, outsider.Id, room.Id, Perms.ViewChannel), $"{outsider.Username} can see the room");
            Assert.False(w.Discord.Can(w.Guild.Id, outsider.Id, room.Id, Perms.Connect), $"{outsider.Username} can join the room");
        }

        foreach (var partner in new[] { w.Alice, w.Bob })
            Assert.True(w.Discord.Can(w.Guild.Id, partner.Id, room.Id, Perms.ViewChannel | Perms.Connect | Perms.Speak), $"{partner.Username} cannot use the room");
        Assert.Throws<VoiceJoinRefusedException>(() => w.Discord.JoinVoice(w.Guild.Id, dave.Id, room.Id));
        Assert.Empty(w.Discord.InternalErrors);
    }
}
