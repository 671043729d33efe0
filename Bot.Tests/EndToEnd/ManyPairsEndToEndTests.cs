using CrossCoaching.Hosting;
using CrossCoaching.Pairs;
using CrossCoaching.Rituals;
using CrossCoaching.Rituals.Schedule;
using CrossCoaching.Sessions;
using CrossCoaching.GuildSettings;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>Many pairs sharing one slot in one guild, against Discord's rate limit on channel creation.</summary>
public sealed class ManyPairsEndToEndTests
{
    private const int Pairs = 50;
    private static readonly DateTimeOffset Slot = CoachingWorld.Monday.AddHours(1);

    [Fact]
    public async Task Fifty_pairs_at_one_slot_all_get_their_room_and_all_rooms_close_without_a_429_storm()
    {
        await using var w = await CoachingWorld.StartAsync();
        w.Discord.SetRateLimit("POST /guilds/{guild_id}/channels", 5, TimeSpan.FromSeconds(1));
        // These rituals have no reminder, so each room is preceded by a look-up of both partners: at the same pace as
        // the rooms, as with Discord's usual limits (10 look-ups per 10 s for 5 rooms per 10 s).
        w.Discord.SetRateLimit("GET /guilds/{guild_id}/members/{user_id}", 10, TimeSpan.FromSeconds(1));
        for (var i = 0; i < 5; i++)
            w.Discord.AddTextChannel(w.Guild.Id, $"existing-{i}", w.Rooms.Id); // the category cannot hold all 50 rooms
        await w.SetupRoomsCategoryAsync();
        await SeedPairsAsync(w);
        await w.Bot.Get<Reconciler>().RunOnceAsync();
        Assert.Equal(Pairs, (await w.Bot.Get<SessionRepository>().ListUnfinishedAsync()).Count);

        // Discord allows 5 rooms a second here: 50 rooms (and an overflow category) take about ten seconds.
        w.Time.SetUtcNow(Slot.AddSeconds(-5));
        await w.Discord.WaitUntilAsync(_ => w.VoiceRooms().Count == Pairs, TimeSpan.FromSeconds(60), "every room to be prepared");
        await w.AdvanceToAsync(Slot, d => w.VoiceRooms().All(r => d.MessagesIn(r.Id).Count == 1), "every welcome");
        // The 50 closes due at slot + 20 min are spread at 10 a second: the last is due 4.9 s later.
        await w.AdvanceToAsync(Slot.AddMinutes(20).AddSeconds(5), d => w.VoiceRooms().All(r => d.FindChannel(r.Id)!.DeletedAt is not null), "every room to close");

        Assert.Equal(Pairs, w.VoiceRooms().Select(r => r.Id).Distinct().Count());
        Assert.Contains(w.VoiceRooms(), r => r.ParentId != w.Rooms.Id); // some went to an overflow category
        var limited = w.Discord.Requests.Where(r => r.Status == 429).Select(r => r.Route).ToList();
        Assert.True(limited.Count <= 5, $"rate-limited: {string.Join(", ", limited)}"); // a stray one at a window edge, never a storm
        Assert.True(w.Discord.EarlyRetryCount == 0, string.Join("; ", w.Discord.EarlyRetries));
        await w.Bot.Get<Reconciler>().RunOnceAsync();
        Assert.Empty(await w.Bot.Get<RoomRepository>().ListOverflowCategoriesAsync(w.Guild.Id));
        Assert.All(w.Discord.ChannelsCreatedByBot.Where(c => c.Type == EmulatedChannelType.GuildCategory), c => Assert.NotNull(c.DeletedAt));
    }

    private static async Task SeedPairsAsync(CoachingWorld w)
    {
        var invitations = w.Bot.Get<InvitationRepository>();
        var pairs = w.Bot.Get<PairRepository>();
        var rituals = w.Bot.Get<RitualRepository>();
        var now = w.Time.GetUtcNow();
        var rule = new RitualRule(RitualFrequency.Week, DayOfWeek.Monday, new TimeOnly(14, 0), "Europe/Paris", new DateOnly(2026, 11, 2));
        for (var i = 0; i < Pairs; i++)
        {
            var (a, b) = (w.Discord.AddUser($"a{i}"), w.Discord.AddUser($"b{i}"));
            w.Discord.AddMember(w.Guild.Id, a.Id);
            w.Discord.AddMember(w.Guild.Id, b.Id);
            var invitation = await invitations.CreateAsync(w.Guild.Id, w.General.Id, a.Id, $"a{i}", b.Id, now, now.AddHours(1));
            var pair = (await pairs.CreateFromInvitationAsync(invitation!, $"a{i}", $"b{i}", now)).Pair!;
            await rituals.SaveAsync(new Ritual(pair.Id, rule, 15, 0, false, null, now, a.Id));
        }
    }
}
