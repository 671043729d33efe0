using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Fakes;

/// <summary>Arranges a <see cref="FakeDiscordApi"/> to behave like a permissive Discord: DMs, messages, rooms, members.</summary>
public static class FakeDiscordWorld
{
    private static long _ids = 70_000;

    public static Snowflake NextId() => new((ulong)Interlocked.Increment(ref _ids));

    public static Snowflake DmChannelOf(Snowflake user) => new(user.Value + 1_000_000);

    public static FakeDiscordApi AcceptingEverything(this FakeDiscordApi api) => api
        .OnCreateDm(Dm)
        .OnCreateMessage((channel, _) => new Message(NextId(), channel))
        .OnEditMessage((channel, message, _) => new Message(message, channel))
        .OnCreateChannel(Room)
        .On(nameof(IDiscordApi.DeleteChannelAsync), _ => null)
        .OnGetGuildChannels(_ => [])
        .OnGetGuildMember((_, user) => Member(user));

    /// <summary>The channel Discord creates from <paramref name="spec"/>, with a new id (or <paramref name="id"/>).</summary>
    public static Channel Room(Snowflake guild, NewChannel spec) => Room(guild, spec, NextId());

    public static Channel Room(Snowflake guild, NewChannel spec, Snowflake id) =>
        new(id, spec.Type, guild, spec.ParentId, spec.Name, spec.Overwrites ?? [], spec.UserLimit);

    public static GuildMember Member(Snowflake user, string name = "member") => new(new DiscordUser(user, name, null, false), null, []);

    public static Channel Dm(Snowflake user) => new(DmChannelOf(user), ChannelType.Dm, null, null, null, []);

    public static DiscordApiException Refusal(int status, int code, params DiscordFieldError[] fields) => new(status, code, "refused", "test route", fields);
}
