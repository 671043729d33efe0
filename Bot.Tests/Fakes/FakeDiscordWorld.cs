using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Fakes;

/// <summary>Arranges a <see cref="FakeDiscordApi"/> to behave like a permissive Discord: DMs, messages, rooms, members.</summary>
public static class FakeDiscordWorld
{
    private static long _ids = 70_000;

    public static Snowflake NextId() => new((ulong)Interlocked.Increment(ref _ids));

    public static Snowflake DmChannelOf(Snowflake user) => new(user.Value + 1_000_000);

    public static FakeDiscordApi AcceptingEverything(this FakeDiscordApi api) => api
        .On(nameof(IDiscordApi.CreateDmAsync), a => new Channel(DmChannelOf((Snowflake)a[0]!), ChannelType.Dm, null, null, null, []))
        .On(nameof(IDiscordApi.CreateMessageAsync), a => new Message(NextId(), (Snowflake)a[0]!))
        .On(nameof(IDiscordApi.EditMessageAsync), a => new Message((Snowflake)a[1]!, (Snowflake)a[0]!))
        .On(nameof(IDiscordApi.CreateChannelAsync), a =>
        {
            var spec = (NewChannel)a[1]!;
            return new Channel(NextId(), spec.Type, (Snowflake)a[0]!, spec.ParentId, spec.Name, spec.Overwrites ?? [], spec.UserLimit);
        })
        .On(nameof(IDiscordApi.DeleteChannelAsync), _ => null)
        .On(nameof(IDiscordApi.GetGuildMemberAsync), a => new GuildMember(new DiscordUser((Snowflake)a[1]!, "member", null, false), null, []));

    /// <summary>Messages sent to a channel (a DM channel, a room, the pair's channel), in order.</summary>
    public static IReadOnlyList<MessageSpec> MessagesIn(this FakeDiscordApi api, Snowflake channel) =>
        [.. api.Calls.Where(c => c.Method == nameof(IDiscordApi.CreateMessageAsync) && (Snowflake)c.Args[0]! == channel).Select(c => (MessageSpec)c.Args[1]!)];

    public static IReadOnlyList<NewChannel> ChannelsCreated(this FakeDiscordApi api) =>
        [.. api.Calls.Where(c => c.Method == nameof(IDiscordApi.CreateChannelAsync)).Select(c => (NewChannel)c.Args[1]!)];

    public static IReadOnlyList<Snowflake> ChannelsDeleted(this FakeDiscordApi api) =>
        [.. api.Calls.Where(c => c.Method == nameof(IDiscordApi.DeleteChannelAsync)).Select(c => (Snowflake)c.Args[0]!)];

    public static DiscordApiException Refusal(int status, int code, params DiscordFieldError[] fields) => new(status, code, "refused", "test route", fields);
}
