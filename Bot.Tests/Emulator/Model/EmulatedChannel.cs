using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>A permission overwrite: <paramref name="Type"/> 0 for a role (@everyone has the guild id), 1 for a member.</summary>
public sealed record EmulatedOverwrite(Snowflake Id, int Type, Perms Allow, Perms Deny)
{
    public static EmulatedOverwrite Role(Snowflake roleId, Perms allow = Perms.None, Perms deny = Perms.None) => new(roleId, 0, allow, deny);

    public static EmulatedOverwrite Member(Snowflake userId, Perms allow = Perms.None, Perms deny = Perms.None) => new(userId, 1, allow, deny);
}

/// <summary>A guild channel or a DM channel.</summary>
public sealed class EmulatedChannel(Snowflake id, EmulatedChannelType type, Snowflake? guildId, string? name, DateTimeOffset createdAt)
{
    public Snowflake Id { get; } = id;

    public EmulatedChannelType Type { get; } = type;

    public Snowflake? GuildId { get; } = guildId;

    public string? Name { get; internal set; } = name;

    public Snowflake? ParentId { get; internal set; }

    public int Position { get; internal set; }

    public int UserLimit { get; internal set; }

    public int Bitrate { get; internal set; } = 64000;

    public string? Topic { get; internal set; }

    public IReadOnlyList<EmulatedOverwrite> Overwrites { get; internal set; } = [];

    /// <summary>For a DM channel, the user at the other end.</summary>
    public Snowflake? RecipientId { get; init; }

    internal Snowflake? DmKey => Type == EmulatedChannelType.Dm ? RecipientId : null;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset? DeletedAt { get; internal set; }

    /// <summary>True when the bot created it through REST (not the test's world building).</summary>
    public bool CreatedByBot { get; init; }

    public Snowflake? LastMessageId { get; internal set; }

    public bool IsVoice => Type is EmulatedChannelType.GuildVoice or EmulatedChannelType.GuildStageVoice;

    public Snowflake ToSnowflake() => Id;

    public static implicit operator Snowflake(EmulatedChannel channel) => channel.Id;

    public override string ToString() => $"#{Name} ({Id}, {Type})";
}
