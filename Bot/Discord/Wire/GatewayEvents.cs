using System.Text.Json.Serialization;

namespace CrossCoaching.Discord.Wire;

/// <summary>op 10 data.</summary>
internal sealed record GatewayHello([property: JsonPropertyName("heartbeat_interval")] int HeartbeatInterval);

/// <summary>READY: only the fields the session and the cache keep.</summary>
internal sealed record GatewayReady(
    [property: JsonPropertyName("session_id")] string SessionId,
    [property: JsonPropertyName("resume_gateway_url")] string ResumeGatewayUrl,
    [property: JsonPropertyName("user")] GatewayUser User,
    [property: JsonPropertyName("application")] GatewayApplication Application,
    [property: JsonPropertyName("guilds")] IReadOnlyList<GatewayUnavailableGuild>? Guilds,
    [property: JsonPropertyName("shard")] int[]? Shard);

internal sealed record GatewayApplication([property: JsonPropertyName("id")] Snowflake Id);

internal sealed record GatewayUnavailableGuild(
    [property: JsonPropertyName("id")] Snowflake Id,
    [property: JsonPropertyName("unavailable")] bool? Unavailable);

internal sealed record GatewayUser(
    [property: JsonPropertyName("id")] Snowflake Id,
    [property: JsonPropertyName("username")] string? Username,
    [property: JsonPropertyName("global_name")] string? GlobalName,
    [property: JsonPropertyName("bot")] bool? Bot);

/// <summary>A guild member as GUILD_CREATE lists it, or the data of GUILD_MEMBER_UPDATE.</summary>
internal sealed record GatewayMember(
    [property: JsonPropertyName("guild_id")] Snowflake? GuildId,
    [property: JsonPropertyName("user")] GatewayUser? User,
    [property: JsonPropertyName("roles")] IReadOnlyList<Snowflake>? Roles);

/// <summary>A (partial) voice state: in GUILD_CREATE it has no guild id; <c>channel_id</c> null means "left".</summary>
internal sealed record GatewayVoiceState(
    [property: JsonPropertyName("guild_id")] Snowflake? GuildId,
    [property: JsonPropertyName("channel_id")] Snowflake? ChannelId,
    [property: JsonPropertyName("user_id")] Snowflake UserId);

/// <summary>GUILD_DELETE: <c>unavailable</c> true means an outage, absent means the bot left or was removed.</summary>
internal sealed record GatewayGuildDelete(
    [property: JsonPropertyName("id")] Snowflake Id,
    [property: JsonPropertyName("unavailable")] bool? Unavailable);

/// <summary>GUILD_ROLE_CREATE and GUILD_ROLE_UPDATE.</summary>
internal sealed record GatewayRoleEvent(
    [property: JsonPropertyName("guild_id")] Snowflake GuildId,
    [property: JsonPropertyName("role")] GatewayRole Role);

internal sealed record GatewayRoleDelete(
    [property: JsonPropertyName("guild_id")] Snowflake GuildId,
    [property: JsonPropertyName("role_id")] Snowflake RoleId);
