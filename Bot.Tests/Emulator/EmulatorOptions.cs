using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>A per-route rate limit: <paramref name="Limit"/> requests per <paramref name="Window"/>, per major parameter.</summary>
public sealed record RateLimitRule(int Limit, TimeSpan Window);

/// <summary>How the emulated Discord behaves. The defaults are Discord's; tests shorten the timings.</summary>
public sealed record EmulatorOptions
{
    /// <summary>HELLO's heartbeat_interval. Discord sends about 41250–45000 ms; tests use 500–1000.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromMilliseconds(45000);

    /// <summary>A connection without a heartbeat for interval × this factor is closed (the session stays resumable).</summary>
    public double HeartbeatTolerance { get; init; } = 1.5;

    /// <summary>
    /// The close code for a missed heartbeat. Discord documents no code for it ("the server closes the connection"); 4000
    /// (unknown error, reconnect and resume) is the emulator's choice because the docs say the app must resume.
    /// </summary>
    public int HeartbeatTimeoutCloseCode { get; init; } = 4000;

    /// <summary>The first callback must arrive within this time of the dispatch, else 10062.</summary>
    public TimeSpan InteractionDeadline { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long the interaction token works for @original and followups (then 401 50027).</summary>
    public TimeSpan InteractionTokenLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>The bot token; a random one when null.</summary>
    public string? Token { get; init; }

    public Snowflake? ApplicationId { get; init; }

    public Snowflake? BotUserId { get; init; }

    public string BotUsername { get; init; } = "CrossCoaching";

    /// <summary>Privileged intents enabled in the developer portal (GUILD_MEMBERS 2, GUILD_PRESENCES 256, MESSAGE_CONTENT 32768).</summary>
    public int EnabledPrivilegedIntents { get; init; }

    /// <summary>Per-route limits keyed by route template (<c>POST /guilds/{guild_id}/channels</c>); see <see cref="RateLimitDefaults"/>.</summary>
    public IReadOnlyDictionary<string, RateLimitRule>? RateLimits { get; init; }

    /// <summary>The limit of routes not listed in <see cref="RateLimits"/> or the defaults.</summary>
    public RateLimitRule DefaultRateLimit { get; init; } = new(5, TimeSpan.FromSeconds(5));

    /// <summary>Requests per second across routes, interaction callbacks and webhook-token routes excluded.</summary>
    public int GlobalRateLimit { get; init; } = 50;

    /// <summary>Whether a missing or wrong <c>User-Agent: DiscordBot (url, version)</c> is refused.</summary>
    public bool UserAgentRequired { get; init; } = true;

    /// <summary>How long a disconnected session can still be resumed.</summary>
    public TimeSpan SessionResumeWindow { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// One IDENTIFY per max_concurrency bucket (<c>shard_id % max_concurrency</c>) per this interval, else op 9 (d
    /// false), as Discord does. Zero disables the check.
    /// </summary>
    public TimeSpan IdentifyInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The <c>shards</c> GET /gateway/bot recommends.</summary>
    public int Shards { get; init; } = 1;

    /// <summary>The <c>max_concurrency</c> GET /gateway/bot reports, and the number of IDENTIFY buckets enforced.</summary>
    public int MaxConcurrency { get; init; } = 1;

    /// <summary>After op 7 the server closes the socket itself this long later, if the client has not.</summary>
    public TimeSpan ReconnectCloseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Client payloads allowed per <see cref="GatewayPayloadWindow"/> (Discord: 120 per 60 s), else close 4008.</summary>
    public int GatewayPayloadLimit { get; init; } = 120;

    public TimeSpan GatewayPayloadWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>IDENTIFY budget reported by /gateway/bot (Discord: 1000 per day).</summary>
    public int SessionStartLimit { get; init; } = 1000;

    /// <summary>New command names a scope may gain per day (Discord: 200), else 429 code 30034.</summary>
    public int MaxDailyCommandCreates { get; init; } = 200;

    /// <summary>
    /// The emulator's clock: deadlines, token lifetimes, resume windows, rate-limit windows, heartbeat checks, ids.
    /// Real time by default; a FakeTimeProvider makes these deterministic (start it after 2015 for realistic ids).
    /// </summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Without the token, so options can be printed.</summary>
    public override string ToString() =>
        $"EmulatorOptions {{ HeartbeatInterval = {HeartbeatInterval}, InteractionDeadline = {InteractionDeadline}, UserAgentRequired = {UserAgentRequired} }}";
}
