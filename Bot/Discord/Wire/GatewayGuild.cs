using System.Text.Json.Serialization;

namespace CrossCoaching.Discord.Wire;

/// <summary>GUILD_CREATE and GUILD_UPDATE, reduced to what the cache keeps (GUILD_UPDATE has no channels, members or voice states).</summary>
internal sealed record GatewayGuild(
    [property: JsonPropertyName("id")] Snowflake Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("owner_id")] Snowflake? OwnerId,
    [property: JsonPropertyName("preferred_locale")] string? PreferredLocale,
    [property: JsonPropertyName("system_channel_id")] Snowflake? SystemChannelId,
    [property: JsonPropertyName("roles")] IReadOnlyList<GatewayRole>? Roles,
    [property: JsonPropertyName("channels")] IReadOnlyList<GatewayChannel>? Channels,
    [property: JsonPropertyName("members")] IReadOnlyList<GatewayMember>? Members,
    [property: JsonPropertyName("voice_states")] IReadOnlyList<GatewayVoiceState>? VoiceStates,
    [property: JsonPropertyName("unavailable")] bool? Unavailable);

internal sealed record GatewayRole(
    [property: JsonPropertyName("id")] Snowflake Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("permissions"), JsonConverter(typeof(GatewayPermissionsConverter))] Permissions Permissions,
    [property: JsonPropertyName("position")] int Position);

internal sealed record GatewayChannel(
    [property: JsonPropertyName("id")] Snowflake Id,
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("guild_id")] Snowflake? GuildId,
    [property: JsonPropertyName("parent_id")] Snowflake? ParentId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("permission_overwrites")] IReadOnlyList<GatewayOverwrite>? PermissionOverwrites,
    [property: JsonPropertyName("user_limit")] int? UserLimit);

internal sealed record GatewayOverwrite(
    [property: JsonPropertyName("id")] Snowflake Id,
    [property: JsonPropertyName("type")] int Type,
    [property: JsonPropertyName("allow"), JsonConverter(typeof(GatewayPermissionsConverter))] Permissions Allow,
    [property: JsonPropertyName("deny"), JsonConverter(typeof(GatewayPermissionsConverter))] Permissions Deny);
