namespace CrossCoaching.Discord;

/// <summary>A Discord user as the features see it.</summary>
public sealed record DiscordUser(Snowflake Id, string Username, string? GlobalName, bool IsBot)
{
    public string DisplayName => string.IsNullOrWhiteSpace(GlobalName) ? Username : GlobalName;

    /// <summary>A mention that pings only when the message's allowed mentions list this user.</summary>
    public string Mention => $"<@{Id}>";
}

/// <summary>A guild member: the user, the guild nickname and role ids.</summary>
public sealed record GuildMember(DiscordUser User, string? Nickname, IReadOnlyList<Snowflake> RoleIds)
{
    public string DisplayName => string.IsNullOrWhiteSpace(Nickname) ? User.DisplayName : Nickname;
}

public sealed record Role(Snowflake Id, string Name, Permissions Permissions, int Position);

public enum ChannelType
{
    GuildText = 0,
    Dm = 1,
    GuildVoice = 2,
    GroupDm = 3,
    GuildCategory = 4,
    GuildAnnouncement = 5,
    GuildStageVoice = 13,
    GuildForum = 15,
    GuildMedia = 16,
}

public enum OverwriteType
{
    Role = 0,
    Member = 1,
}

/// <summary>A channel permission overwrite. For the @everyone role the id is the guild id.</summary>
public sealed record PermissionOverwrite(Snowflake Id, OverwriteType Type, Permissions Allow, Permissions Deny);

public sealed record Channel(
    Snowflake Id,
    ChannelType Type,
    Snowflake? GuildId,
    Snowflake? ParentId,
    string? Name,
    IReadOnlyList<PermissionOverwrite> Overwrites,
    int? UserLimit = null);

/// <summary>A channel to create in a guild (a voice room or a category).</summary>
public sealed record NewChannel(
    string Name,
    ChannelType Type,
    Snowflake? ParentId = null,
    int? UserLimit = null,
    IReadOnlyList<PermissionOverwrite>? Overwrites = null);

public sealed record Message(Snowflake Id, Snowflake ChannelId);

public sealed record ApplicationInfo(Snowflake Id, string Name);

/// <summary>
/// What <c>GET /gateway/bot</c> says: where to connect, how many shards Discord recommends, and the IDENTIFY budget
/// (session starts left of <paramref name="SessionStartsTotal"/>, until the budget resets).
/// </summary>
public sealed record GatewayInfo(
    Uri Url, int RecommendedShards, int SessionStartsRemaining, TimeSpan SessionStartsResetAfter, int MaxConcurrency, int SessionStartsTotal = 1000);
