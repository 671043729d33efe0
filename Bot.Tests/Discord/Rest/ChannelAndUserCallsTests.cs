using CrossCoaching.Discord;
using CrossCoaching.Tests.Discord.Rest.Support;

namespace CrossCoaching.Tests.Discord.Rest;

public sealed class ChannelAndUserCallsTests : IDisposable
{
    private readonly RestHarness _rest = new();

    public void Dispose() => _rest.Dispose();

    [Fact]
    public async Task Creating_a_voice_room_sends_ids_and_permission_bitsets_as_strings_and_reads_the_201()
    {
        _rest.Discord.On("POST", "guilds/1111/channels", _ => Reply.Json(
            """
            {"id":"3333","type":2,"guild_id":"1111","parent_id":"2222","name":"Coaching","user_limit":2,
             "permission_overwrites":[{"id":"1111","type":0,"allow":"0","deny":"1024"},
                                      {"id":"4444","type":1,"allow":"36703744","deny":"0"}]}
            """,
            201));
        var coach = new Snowflake(4444);
        var room = new NewChannel(
            "Coaching",
            ChannelType.GuildVoice,
            new Snowflake(2222),
            UserLimit: 2,
            Overwrites:
            [
                new PermissionOverwrite(new Snowflake(1111), OverwriteType.Role, Permissions.None, Permissions.ViewChannel),
                new PermissionOverwrite(coach, OverwriteType.Member, Permissions.ViewChannel | Permissions.Connect | Permissions.Speak |
                    Permissions.UseVad | Permissions.Stream | Permissions.SendMessages, Permissions.None),
            ]);

        var channel = await _rest.Client.CreateChannelAsync(new Snowflake(1111), room);

        JsonAssert.Equal(
            """
            {"name":"Coaching","type":2,"parent_id":"2222","user_limit":2,
             "permission_overwrites":[{"id":"1111","type":0,"allow":"0","deny":"1024"},
                                      {"id":"4444","type":1,"allow":"36703744","deny":"0"}]}
            """,
            _rest.Discord.Last().Json);
        Assert.Equal(new Snowflake(3333), channel.Id);
        Assert.Equal(ChannelType.GuildVoice, channel.Type);
        Assert.Equal(new Snowflake(1111), channel.GuildId);
        Assert.Equal(new Snowflake(2222), channel.ParentId);
        Assert.Equal(2, channel.UserLimit);
        Assert.Equal(room.Overwrites, channel.Overwrites);
    }

    [Fact]
    public async Task A_category_is_created_with_only_its_name_and_type()
    {
        _rest.Discord.On("POST", "guilds/1/channels", _ => Reply.Json("""{"id":"9","type":4,"guild_id":"1","name":"Rooms"}""", 201));

        await _rest.Client.CreateChannelAsync(new Snowflake(1), new NewChannel("Rooms", ChannelType.GuildCategory));

        JsonAssert.Equal("""{"name":"Rooms","type":4}""", _rest.Discord.Last().Json);
    }

    [Fact]
    public async Task Opening_a_dm_names_the_recipient_and_returns_the_dm_channel()
    {
        _rest.Discord.On("POST", "users/@me/channels", _ => Reply.Json("""{"id":"77","type":1,"recipients":[{"id":"4444","username":"a"}]}"""));

        var dm = await _rest.Client.CreateDmAsync(new Snowflake(4444));

        JsonAssert.Equal("""{"recipient_id":"4444"}""", _rest.Discord.Last().Json);
        Assert.Equal(new Channel(new Snowflake(77), ChannelType.Dm, null, null, null, []), dm with { Overwrites = [] });
    }

    [Fact]
    public async Task A_guild_member_is_read_with_nickname_and_roles()
    {
        _rest.Discord.On("GET", "guilds/1/members/4444", _ => Reply.Json(
            """{"user":{"id":"4444","username":"alice","global_name":"Alice","bot":false},"nick":"Coach Alice","roles":["10","11"],"joined_at":"2025-01-01T00:00:00Z"}"""));

        var member = await _rest.Client.GetGuildMemberAsync(new Snowflake(1), new Snowflake(4444));

        Assert.Equal(new DiscordUser(new Snowflake(4444), "alice", "Alice", false), member.User);
        Assert.Equal("Coach Alice", member.DisplayName);
        Assert.Equal([new Snowflake(10), new Snowflake(11)], member.RoleIds);
    }

    [Fact]
    public async Task The_gateway_bot_answer_is_read_with_its_session_start_limit()
    {
        _rest.Discord.On("GET", "gateway/bot", _ => Reply.Json(
            """{"url":"wss://gateway.discord.gg","shards":2,"session_start_limit":{"total":1000,"remaining":998,"reset_after":14400000,"max_concurrency":1}}"""));

        var gateway = await _rest.Client.GetGatewayBotAsync();

        Assert.Equal(new GatewayInfo(new Uri("wss://gateway.discord.gg"), 2, 998, TimeSpan.FromHours(4), 1, 1000), gateway);
    }

    [Fact]
    public async Task The_current_application_and_user_are_read()
    {
        _rest.Discord.On("GET", "applications/@me", _ => Reply.Json("""{"id":"100","name":"CrossCoaching","flags":0}"""));
        _rest.Discord.On("GET", "users/@me", _ => Reply.Json("""{"id":"101","username":"crosscoaching","global_name":null,"bot":true}"""));

        var application = await _rest.Client.GetCurrentApplicationAsync();
        var user = await _rest.Client.GetCurrentUserAsync();

        Assert.Equal(new ApplicationInfo(new Snowflake(100), "CrossCoaching"), application);
        Assert.Equal(new DiscordUser(new Snowflake(101), "crosscoaching", null, true), user);
    }

    [Fact]
    public async Task Deleting_a_channel_ignores_the_channel_discord_returns()
    {
        _rest.Discord.On("DELETE", "channels/3333", _ => Reply.Json("""{"id":"3333","type":2}"""));

        await _rest.Client.DeleteChannelAsync(new Snowflake(3333));

        Assert.Equal("DELETE", _rest.Discord.Last().Method);
    }
}
