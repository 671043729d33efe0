using System.Collections.Immutable;
using CrossCoaching.Discord;
using CrossCoaching.Sessions;
using CrossCoaching.Tests.Fakes;

namespace CrossCoaching.Tests.Sessions;

/// <summary>The time-box warning skips a room only when the gateway surely shows it empty.</summary>
public sealed class EmptyRoomsTests
{
    private static readonly Snowflake Guild = new(5000), Room = new(6000), Alice = new(11);

    private sealed class Status(bool connected) : IGatewayStatus
    {
        public IReadOnlyList<ShardStatus> Shards => [new(0, connected)];
    }

    private static FakeGuildCache CacheWith(params Snowflake[] inRoom)
    {
        var cache = new FakeGuildCache();
        cache.AddGuild(Guild, RoomPermissions.Wanted);
        cache.Update(Guild, g => g with { VoiceChannelByUser = inRoom.ToImmutableDictionary(u => u, _ => Room) });
        return cache;
    }

    [Fact]
    public void A_room_nobody_is_in_is_surely_empty_while_the_gateway_is_connected()
    {
        Assert.True(new EmptyRooms(CacheWith(), () => new Status(connected: true)).IsSurelyEmpty(Guild, Room));
    }

    [Fact]
    public void A_room_someone_is_in_or_a_disconnected_gateway_or_an_unknown_guild_is_not_taken_for_empty()
    {
        Assert.False(new EmptyRooms(CacheWith(Alice), () => new Status(connected: true)).IsSurelyEmpty(Guild, Room));
        Assert.False(new EmptyRooms(CacheWith(), () => new Status(connected: false)).IsSurelyEmpty(Guild, Room));
        Assert.False(new EmptyRooms(CacheWith(), () => new Status(connected: true)).IsSurelyEmpty(new Snowflake(7000), Room));
    }
}
