using CrossCoaching.Discord;
using CrossCoaching.Messaging;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.Messaging;

/// <summary>A DM channel costs one request to open, once for the life of the database.</summary>
public sealed class DmChannelsTests
{
    private static readonly Snowflake Alice = new(4_001);

    private static OutboxRow DmTo(Snowflake user, string key) =>
        new() { DedupeKey = key, Kind = "test", Target = "dm", UserId = user, Payload = LetterJson.Write(MessageSpec.Text("hello")), Nonce = key };

    private static FakeDiscordApi Discord() => new FakeDiscordApi()
        .OnCreateDm(FakeDiscordWorld.Dm)
        .OnCreateMessage((channel, _) => new Message(FakeDiscordWorld.NextId(), channel));

    [Fact]
    public async Task A_member_s_DM_channel_is_not_opened_again_after_a_restart()
    {
        using var db = await TestDatabase.MigratedAsync();
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-02T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var before = Discord();
        await new OutboxSender(before, new DmChannels(db.Connections, time)).SendAsync(DmTo(Alice, "a"), CancellationToken.None);

        var after = Discord(); // a new process: nothing in memory
        await new OutboxSender(after, new DmChannels(db.Connections, time)).SendAsync(DmTo(Alice, "b"), CancellationToken.None);

        Assert.Equal([Alice], before.DmsOpened);
        Assert.Empty(after.DmsOpened);
        Assert.Equal([FakeDiscordWorld.DmChannelOf(Alice)], after.MessagesSent.Select(m => m.Channel));
    }

    [Fact]
    public async Task A_DM_channel_Discord_no_longer_knows_is_opened_again_and_remembered()
    {
        using var db = await TestDatabase.MigratedAsync();
        var time = new FakeTimeProvider();
        var channels = new DmChannels(db.Connections, time);
        await channels.RememberAsync(Alice, new Snowflake(42));
        var api = Discord().OnCreateMessage((channel, _) => channel == new Snowflake(42)
            ? throw FakeDiscordWorld.Refusal(404, DiscordErrorCode.UnknownChannel)
            : new Message(FakeDiscordWorld.NextId(), channel));

        await new OutboxSender(api, channels).SendAsync(DmTo(Alice, "a"), CancellationToken.None);

        Assert.Equal([Alice], api.DmsOpened);
        Assert.Equal(FakeDiscordWorld.DmChannelOf(Alice), await new DmChannels(db.Connections, time).FindAsync(Alice));
    }
}
