using System.Collections.Immutable;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Discord.Cache;

public sealed class PermissionCalculatorTests
{
    private static readonly Snowflake GuildId = new(1000);
    private static readonly Snowflake Owner = new(7);
    private static readonly Snowflake Member = new(300);
    private static readonly Snowflake Coaches = new(1001);
    private static readonly Snowflake Students = new(1002);
    private static readonly Snowflake Admins = new(1003);
    private static readonly Snowflake Text = new(2001);
    private static readonly Snowflake Voice = new(2002);

    private const Permissions Basic = Permissions.ViewChannel | Permissions.SendMessages | Permissions.Connect | Permissions.Speak;

    private static CachedGuild Guild(params PermissionOverwrite[] overwrites) => new(
        GuildId, "Club", Owner, "en-US",
        new Dictionary<Snowflake, Role>
        {
            [GuildId] = new(GuildId, "@everyone", Basic, 0),
            [Coaches] = new(Coaches, "Coaches", Permissions.MoveMembers, 2),
            [Students] = new(Students, "Students", Permissions.AttachFiles, 1),
            [Admins] = new(Admins, "Admins", Permissions.Administrator, 3),
        },
        new Dictionary<Snowflake, Channel>
        {
            [Text] = new(Text, ChannelType.GuildText, GuildId, null, "general", overwrites),
            [Voice] = new(Voice, ChannelType.GuildVoice, GuildId, null, "room", overwrites, 2),
        },
        [Coaches],
        ImmutableDictionary<Snowflake, Snowflake>.Empty);

    private static PermissionOverwrite RoleOverwrite(Snowflake id, Permissions allow, Permissions deny) => new(id, OverwriteType.Role, allow, deny);

    private static PermissionOverwrite MemberOverwrite(Snowflake id, Permissions allow, Permissions deny) => new(id, OverwriteType.Member, allow, deny);

    [Fact]
    public void Guild_permissions_are_everyone_ORed_with_the_member_roles()
    {
        Assert.Equal(Basic | Permissions.MoveMembers | Permissions.AttachFiles,
            PermissionCalculator.ForMember(Guild(), Member, [Coaches, Students]));
        Assert.Equal(Basic, PermissionCalculator.ForMember(Guild(), Member, [new Snowflake(999)]));
    }

    [Fact]
    public void The_owner_has_every_permission_even_where_everything_is_denied()
    {
        var guild = Guild(MemberOverwrite(Owner, Permissions.None, Permissions.All));

        Assert.Equal(Permissions.All, PermissionCalculator.ForMember(guild, Owner, [], Text));
    }

    [Fact]
    public void An_administrator_has_every_permission_and_overwrites_do_not_apply()
    {
        var guild = Guild(RoleOverwrite(GuildId, Permissions.None, Permissions.ViewChannel), MemberOverwrite(Member, Permissions.None, Permissions.All));

        Assert.Equal(Permissions.All, PermissionCalculator.ForMember(guild, Member, [Admins], Voice));
        Assert.Equal(Permissions.All, PermissionCalculator.ForMember(guild, Member, [Admins]));
    }

    [Fact]
    public void Denying_VIEW_CHANNEL_to_everyone_denies_everything_in_the_channel()
    {
        var guild = Guild(RoleOverwrite(GuildId, Permissions.None, Permissions.ViewChannel));

        Assert.Equal(Permissions.None, PermissionCalculator.ForMember(guild, Member, [Coaches], Text));
        Assert.Equal(Basic | Permissions.MoveMembers, PermissionCalculator.ForMember(guild, Member, [Coaches]));
    }

    [Fact]
    public void A_member_overwrite_wins_over_role_overwrites_which_win_over_everyone()
    {
        var guild = Guild(
            RoleOverwrite(GuildId, Permissions.None, Permissions.ViewChannel | Permissions.SendMessages),
            RoleOverwrite(Coaches, Permissions.ViewChannel | Permissions.SendMessages, Permissions.None),
            MemberOverwrite(Member, Permissions.None, Permissions.SendMessages));

        var coach = PermissionCalculator.ForMember(guild, Member, [Coaches], Text);
        var otherCoach = PermissionCalculator.ForMember(guild, new Snowflake(301), [Coaches], Text);

        Assert.True(coach!.Value.HasFlag(Permissions.ViewChannel));
        Assert.False(coach!.Value.HasFlag(Permissions.SendMessages));
        Assert.True(otherCoach!.Value.HasFlag(Permissions.ViewChannel | Permissions.SendMessages));
        Assert.Equal(Permissions.None, PermissionCalculator.ForMember(guild, new Snowflake(302), [], Text));
    }

    [Fact]
    public void Role_overwrites_are_ORed_so_an_allow_of_one_role_beats_a_deny_of_another()
    {
        var guild = Guild(
            RoleOverwrite(Students, Permissions.None, Permissions.SendMessages | Permissions.AttachFiles),
            RoleOverwrite(Coaches, Permissions.SendMessages, Permissions.None));

        var both = PermissionCalculator.ForMember(guild, Member, [Students, Coaches], Text);

        Assert.True(both!.Value.HasFlag(Permissions.SendMessages));
        Assert.False(both!.Value.HasFlag(Permissions.AttachFiles));
        Assert.False(PermissionCalculator.ForMember(guild, Member, [Students], Text)!.Value.HasFlag(Permissions.SendMessages));
    }

    [Fact]
    public void A_member_overwrite_allow_restores_what_everyone_denied()
    {
        var guild = Guild(
            RoleOverwrite(GuildId, Permissions.None, Permissions.ViewChannel | Permissions.Connect),
            MemberOverwrite(Member, Permissions.ViewChannel | Permissions.Connect | Permissions.MoveMembers, Permissions.None));

        Assert.Equal(Basic | Permissions.MoveMembers, PermissionCalculator.ForMember(guild, Member, [], Voice));
    }

    [Fact]
    public void Without_CONNECT_a_voice_channel_can_only_be_seen()
    {
        var guild = Guild(RoleOverwrite(GuildId, Permissions.ManageChannels, Permissions.Connect));

        Assert.Equal(Permissions.ViewChannel, PermissionCalculator.ForMember(guild, Member, [Coaches], Voice));
        var text = PermissionCalculator.ForMember(guild, Member, [Coaches], Text);
        Assert.True(text!.Value.HasFlag(Permissions.SendMessages | Permissions.ManageChannels), "CONNECT does not matter in a text channel");
    }

    [Fact]
    public void An_unknown_channel_gives_unknown_permissions_not_none_and_the_bot_uses_its_cached_roles()
    {
        // A channel whose CHANNEL_CREATE has not arrived yet: the answer is "unknown", never "no permissions".
        Assert.Null(PermissionCalculator.ForMember(Guild(), Member, [Coaches], new Snowflake(42)));
        Assert.Equal(Basic | Permissions.MoveMembers, PermissionCalculator.ForBot(Guild(), new Snowflake(100), Voice));
    }

    [Fact]
    public void A_member_can_be_checked_against_a_room_not_created_yet()
    {
        var room = new Channel(new Snowflake(2999), ChannelType.GuildVoice, GuildId, null, "room",
            [RoleOverwrite(GuildId, Permissions.None, Permissions.ViewChannel), MemberOverwrite(Member, Permissions.ViewChannel | Permissions.Stream, Permissions.None)]);
        var member = new GuildMember(new DiscordUser(Member, "alice", null, false), null, [Students]);

        Assert.Equal(Basic | Permissions.AttachFiles | Permissions.Stream, PermissionCalculator.ForMemberInChannel(Guild(), Member, member.RoleIds, room));
        Assert.Equal(Permissions.None, PermissionCalculator.ForMemberInChannel(Guild(), new Snowflake(301), [Students], room));
        Assert.Equal(Basic | Permissions.AttachFiles, PermissionCalculator.ForMember(Guild(), member, Voice));
    }
}
