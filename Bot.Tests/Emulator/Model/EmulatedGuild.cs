using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>A guild the bot is a member of. Mutated only under the emulator's lock; tests read it.</summary>
public sealed class EmulatedGuild(Snowflake id, string name, Snowflake ownerId, string preferredLocale, DateTimeOffset joinedAt)
{
    public Snowflake Id { get; } = id;

    public string Name { get; } = name;

    public Snowflake OwnerId { get; } = ownerId;

    public string PreferredLocale { get; internal set; } = preferredLocale;

    /// <summary>Where Discord posts its system messages (and where a bot may write to the server's managers).</summary>
    public Snowflake? SystemChannelId { get; internal set; }

    public DateTimeOffset JoinedAt { get; } = joinedAt;

    /// <summary>False during a simulated outage: GUILD_DELETE with unavailable true was sent.</summary>
    public bool Available { get; internal set; } = true;

    internal Dictionary<Snowflake, EmulatedRole> RolesById { get; } = [];

    internal Dictionary<Snowflake, EmulatedMember> MembersById { get; } = [];

    /// <summary>Who sits in which voice channel.</summary>
    internal Dictionary<Snowflake, Snowflake> VoiceChannelByUser { get; } = [];

    internal Snowflake BotRoleId { get; set; }

    public EmulatedRole Everyone => RolesById[Id];

    public EmulatedRole BotRole => RolesById[BotRoleId];

    public IReadOnlyCollection<EmulatedRole> Roles => RolesById.Values;

    public IReadOnlyCollection<EmulatedMember> Members => MembersById.Values;

    public Snowflake ToSnowflake() => Id;

    public static implicit operator Snowflake(EmulatedGuild guild) => guild.Id;
}
