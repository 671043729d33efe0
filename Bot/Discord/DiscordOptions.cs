namespace CrossCoaching.Discord;

/// <summary>How the bot reaches Discord. Bound from the <c>Discord</c> section (<c>Discord__Token</c>, …).</summary>
public sealed class DiscordOptions
{
    public const string Section = "Discord";
    public const string DefaultApiBaseUrl = "https://discord.com/api/v10";

    /// <summary>The bot token. Also read from <c>DISCORD_TOKEN</c> and <c>/run/secrets/discord_token</c>. Never logged.</summary>
    public string? Token { get; set; }

    /// <summary>REST base URL, default <c>https://discord.com/api/v10</c>.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Gateway URL override; when empty the URL comes from <c>GET /gateway/bot</c>.</summary>
    public string? GatewayUrl { get; set; }

    /// <summary>When set, commands are registered to this guild only (instantly) instead of globally.</summary>
    public string? DevGuildId { get; set; }

    /// <summary>
    /// Pins this process to one shard (zero-based), with <see cref="ShardCount"/>: it connects that shard only, leasing
    /// nothing. Leave it empty to run every shard (one process) or to share them through leases (PostgreSQL).
    /// </summary>
    public int? ShardId { get; set; }

    /// <summary>
    /// Total number of shards. Alone: one process runs them all on SQLite; on PostgreSQL the instances lease them.
    /// Empty: one unsharded session on SQLite, and <c>GET /gateway/bot</c>'s <c>shards</c> on PostgreSQL.
    /// </summary>
    public int? ShardCount { get; set; }

    /// <summary>
    /// How long a shard lease lasts unless renewed (PostgreSQL): a dead instance's shards are taken over within this
    /// plus one renewal period (a quarter of it). The default of 40 s keeps the takeover within a minute.
    /// </summary>
    public int ShardLeaseSeconds { get; set; } = 40;

    public Uri ApiBaseUri => new(ApiBaseUrl.TrimEnd('/') + "/");

    public Snowflake? DevGuild => Snowflake.TryParse(DevGuildId, out var id) ? id : null;

    /// <summary>The options without the token, for log lines and error messages.</summary>
    public override string ToString() =>
        $"ApiBaseUrl={ApiBaseUrl}, GatewayUrl={GatewayUrl ?? "(from /gateway/bot)"}, DevGuildId={DevGuildId ?? "(global)"}";
}
