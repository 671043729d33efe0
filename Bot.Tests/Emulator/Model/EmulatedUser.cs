using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>A Discord user in the emulated world. Converts to its id so tests can pass either.</summary>
public sealed class EmulatedUser(Snowflake id, string username, string? globalName, bool isBot)
{
    public Snowflake Id { get; } = id;

    public string Username { get; } = username;

    public string? GlobalName { get; } = globalName;

    public bool IsBot { get; } = isBot;

    /// <summary>False once the test closed this user's DMs: sending to them answers 403 50007.</summary>
    public bool AcceptsDms { get; internal set; } = true;

    /// <summary>The client language sent as <c>locale</c> in this user's interactions.</summary>
    public string Locale { get; internal set; } = "en-US";

    public Snowflake ToSnowflake() => Id;

    public static implicit operator Snowflake(EmulatedUser user) => user.Id;

    public override string ToString() => $"{Username} ({Id})";
}

/// <summary>A guild role; the @everyone role has the guild's id.</summary>
public sealed class EmulatedRole(Snowflake id, Snowflake guildId, string name, Perms permissions, int position)
{
    public Snowflake Id { get; } = id;

    public Snowflake GuildId { get; } = guildId;

    public string Name { get; } = name;

    public Perms Permissions { get; internal set; } = permissions;

    public int Position { get; } = position;

    /// <summary>The bot's own integration role (managed, tagged with the bot id).</summary>
    public Snowflake? ManagedForBot { get; init; }

    public bool Mentionable { get; internal set; }

    public bool IsEveryone => Id == GuildId;

    public Snowflake ToSnowflake() => Id;

    public static implicit operator Snowflake(EmulatedRole role) => role.Id;
}

/// <summary>A user's membership of a guild.</summary>
public sealed class EmulatedMember(Snowflake guildId, EmulatedUser user, DateTimeOffset joinedAt)
{
    public Snowflake GuildId { get; } = guildId;

    public EmulatedUser User { get; } = user;

    public Snowflake UserId => User.Id;

    public string? Nick { get; internal set; }

    public List<Snowflake> RoleIds { get; } = [];

    public DateTimeOffset JoinedAt { get; } = joinedAt;
}
