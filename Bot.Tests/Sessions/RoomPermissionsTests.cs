using CrossCoaching.Discord;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;

namespace CrossCoaching.Tests.Sessions;

public sealed class RoomPermissionsTests
{
    private static readonly Snowflake Guild = new(1000), Alice = new(300), Bob = new(301), Carol = new(302), Bot = new(100), Members = new(1005);
    private static readonly Pair ThePair = new(1, Guild, Alice, Bob, "Alice", "Bob", PairStatus.Active, 1, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, null);

    private static Channel Room(params PermissionOverwrite[] overwrites) => new(new Snowflake(2001), ChannelType.GuildVoice, Guild, null, "room", overwrites, 2);

    [Fact]
    public void Knowing_nothing_of_what_the_bot_holds_never_cuts_the_bits_that_make_the_room_private()
    {
        var overwrites = RoomPermissions.For(Guild, ThePair, Bot, botHolds: Permissions.None);

        Assert.True(RoomPermissions.IsPrivate(Room([.. overwrites]), Guild, ThePair, Bot));
        Assert.Equal(Permissions.ViewChannel, overwrites.Single(o => o.Id == Guild).Deny);
        Assert.All(overwrites.Where(o => o.Id == Alice || o.Id == Bob), o => Assert.Equal(RoomPermissions.PartnerNeeds, o.Allow));
        Assert.Equal(RoomPermissions.Required, overwrites.Single(o => o.Id == Bot).Allow);
    }

    [Fact]
    public void A_room_as_asked_is_private()
    {
        Assert.True(RoomPermissions.IsPrivate(Room([.. RoomPermissions.For(Guild, ThePair, Bot, RoomPermissions.Wanted)]), Guild, ThePair, Bot));
    }

    public static TheoryData<string, PermissionOverwrite[]> NotPrivate => new()
    {
        { "no overwrites at all", [] },
        {
            "@everyone not denied", [new(Guild, OverwriteType.Role, Permissions.None, Permissions.None),
                new(Alice, OverwriteType.Member, RoomPermissions.PartnerNeeds, Permissions.None), new(Bob, OverwriteType.Member, RoomPermissions.PartnerNeeds, Permissions.None)]
        },
        {
            "a partner left out", [new(Guild, OverwriteType.Role, Permissions.None, Permissions.ViewChannel),
                new(Alice, OverwriteType.Member, RoomPermissions.PartnerNeeds, Permissions.None)]
        },
        {
            "a partner who cannot connect", [new(Guild, OverwriteType.Role, Permissions.None, Permissions.ViewChannel),
                new(Alice, OverwriteType.Member, RoomPermissions.PartnerNeeds, Permissions.None), new(Bob, OverwriteType.Member, Permissions.ViewChannel, Permissions.Connect)]
        },
        {
            "a role let in", [new(Guild, OverwriteType.Role, Permissions.None, Permissions.ViewChannel), new(Members, OverwriteType.Role, Permissions.ViewChannel, Permissions.None),
                new(Alice, OverwriteType.Member, RoomPermissions.PartnerNeeds, Permissions.None), new(Bob, OverwriteType.Member, RoomPermissions.PartnerNeeds, Permissions.None)]
        },
        {
            "a third member let in", [new(Guild, OverwriteType.Role, Permissions.None, Permissions.ViewChannel), new(Carol, OverwriteType.Member, Permissions.ViewChannel, Permissions.None),
                new(Alice, OverwriteType.Member, RoomPermissions.PartnerNeeds, Permissions.None), new(Bob, OverwriteType.Member, RoomPermissions.PartnerNeeds, Permissions.None)]
        },
    };

    [Theory]
    [MemberData(nameof(NotPrivate))]
    public void A_room_Discord_answered_differently_is_not_private(string what, PermissionOverwrite[] overwrites)
    {
        Assert.False(RoomPermissions.IsPrivate(Room(overwrites), Guild, ThePair, Bot), what);
    }
}
