namespace CrossCoaching.Discord.Wire;

// What Discord answers, reduced to the fields the bot reads. Unknown fields are ignored.

internal sealed record RestGatewayBot(string Url, int Shards, RestSessionStartLimit SessionStartLimit);

/// <summary><c>reset_after</c> is in milliseconds.</summary>
internal sealed record RestSessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);

internal sealed record RestApplication(Snowflake Id, string Name);

internal sealed record RestUser(Snowflake Id, string Username, string? GlobalName = null, bool? Bot = null);

internal sealed record RestGuildMember(RestUser? User, string? Nick = null, IReadOnlyList<Snowflake>? Roles = null);

/// <summary>A permission overwrite; <c>allow</c> and <c>deny</c> are bitsets as decimal strings.</summary>
internal sealed record RestOverwrite(Snowflake Id, OverwriteType Type, string Allow, string Deny);

internal sealed record RestChannel(
    Snowflake Id,
    ChannelType Type,
    Snowflake? GuildId = null,
    Snowflake? ParentId = null,
    string? Name = null,
    IReadOnlyList<RestOverwrite>? PermissionOverwrites = null,
    int? UserLimit = null);

internal sealed record RestMessage(Snowflake Id, Snowflake ChannelId);

/// <summary>Discord's error body: <c>{code, message, errors?}</c>; <c>errors</c> nests per field.</summary>
internal sealed record RestError(int? Code = null, string? Message = null, System.Text.Json.JsonElement? Errors = null);

/// <summary>The body of a 429: <c>retry_after</c> is in seconds, with decimals.</summary>
internal sealed record RestRateLimited(double? RetryAfter = null, bool? Global = null, string? Message = null, int? Code = null);

/// <summary>An application command as Discord answers a bulk overwrite: what the bot keeps is its id, for mentions.</summary>
internal sealed record RestRegisteredCommand(Snowflake Id, string Name);
