using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Discord's REST rate limits (https://discord.com/developers/docs/topics/rate-limits): a fixed window per route bucket
/// and major parameter, announced by X-RateLimit-* headers, and a global limit per second. Scripted 429s keep their
/// bucket closed for retry_after, so a client that retries early is refused again and counted.
/// </summary>
internal sealed class RateLimiter(World world)
{
    private readonly Dictionary<string, RateLimitRule> rules = RateLimitDefaults.Build(world.Options.RateLimits);
    private readonly Dictionary<(string Bucket, string Major), Window> windows = [];
    private readonly Queue<DateTimeOffset> globalRecent = new();
    private readonly List<ScriptedLimit> scripted = [];
    private DateTimeOffset globalBlockedUntil;
    private TimeSpan? pendingGlobal;

    private sealed class Window
    {
        public DateTimeOffset Start { get; set; }

        public int Count { get; set; }

        public DateTimeOffset BlockedUntil { get; set; }
    }

    private sealed record ScriptedLimit(string Key, TimeSpan RetryAfter)
    {
        public int Times { get; set; }
    }

    public void Set(string routeKey, RateLimitRule rule) => rules[routeKey] = rule;

    public void ScriptGlobal(TimeSpan retryAfter) => pendingGlobal = retryAfter;

    public void Script(string routeKey, TimeSpan retryAfter, int times) => scripted.Add(new ScriptedLimit(routeKey, retryAfter) { Times = times });

    public static string Hash(string routeKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(routeKey)))[..32];

    /// <summary>The 429 to answer with, or null; <paramref name="headers"/> gets the bucket's headers either way.</summary>
    public RestResult? Check(RouteSpec route, string major, Dictionary<string, string> headers)
    {
        var now = world.Now;
        if (!route.TokenRoute && CheckGlobal(now) is { } global)
            return global;
        var rule = rules.TryGetValue(route.Key, out var r) ? r : world.Options.DefaultRateLimit;
        var bucket = Hash(route.Key);
        if (!windows.TryGetValue((bucket, major), out var window))
            windows[(bucket, major)] = window = new Window { Start = now };
        if (now - window.Start >= rule.Window)
        {
            window.Start = now;
            window.Count = 0;
        }
        var resetAt = window.Start + rule.Window;
        headers["X-RateLimit-Bucket"] = bucket;
        headers["X-RateLimit-Limit"] = rule.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = Seconds(resetAt.ToUnixTimeMilliseconds() / 1000.0);
        headers["X-RateLimit-Reset-After"] = Seconds((resetAt - now).TotalSeconds);
        if (now < window.BlockedUntil)
        {
            world.Record.EarlyRetries++;
            world.Record.EarlyRetryDetails.Add($"{route.Key} blocked {(window.BlockedUntil - now).TotalMilliseconds:0} ms more");
            return Limited(headers, window.BlockedUntil - now, global: false);
        }
        if (scripted.FirstOrDefault(s => s.Key == route.Key && s.Times > 0) is { } script)
        {
            script.Times--;
            window.BlockedUntil = now + script.RetryAfter;
            headers["X-RateLimit-Remaining"] = "0";
            return Limited(headers, script.RetryAfter, global: false);
        }
        if (window.Count >= rule.Limit)
        {
            world.Record.EarlyRetries++;
            world.Record.EarlyRetryDetails.Add($"{route.Key} spent {(resetAt - now).TotalMilliseconds:0} ms before reset");
            headers["X-RateLimit-Remaining"] = "0";
            return Limited(headers, resetAt - now, global: false);
        }
        window.Count++;
        headers["X-RateLimit-Remaining"] = (rule.Limit - window.Count).ToString(CultureInfo.InvariantCulture);
        return null;
    }

    private RestResult? CheckGlobal(DateTimeOffset now)
    {
        var headers = new Dictionary<string, string>();
        if (pendingGlobal is { } scriptedWait)
        {
            pendingGlobal = null;
            globalBlockedUntil = now + scriptedWait;
            return Limited(headers, scriptedWait, global: true);
        }
        if (now < globalBlockedUntil)
        {
            world.Record.EarlyRetries++;
            world.Record.EarlyRetryDetails.Add($"global blocked {(globalBlockedUntil - now).TotalMilliseconds:0} ms more");
            return Limited(headers, globalBlockedUntil - now, global: true);
        }
        while (globalRecent.Count > 0 && now - globalRecent.Peek() >= TimeSpan.FromSeconds(1))
            globalRecent.Dequeue();
        if (globalRecent.Count >= world.Options.GlobalRateLimit)
            return Limited(headers, globalRecent.Peek() + TimeSpan.FromSeconds(1) - now, global: true);
        globalRecent.Enqueue(now);
        return null;
    }

    private RestResult Limited(Dictionary<string, string> headers, TimeSpan retryAfter, bool global)
    {
        if (global)
            world.Record.GlobalRateLimited++;
        else
            world.Record.RouteRateLimited++;
        var seconds = Math.Max(retryAfter.TotalSeconds, 0.001);
        // The header is whole seconds (rounded up) as Discord sends it; the body keeps the precise float.
        headers["Retry-After"] = Math.Ceiling(seconds).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Scope"] = global ? "global" : "user";
        if (global)
            headers["X-RateLimit-Global"] = "true";
        var body = new JsonObject
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = Math.Round(seconds, 3),
            ["global"] = global,
        };
        return new RestResult(429, body) { Headers = headers };
    }

    private static string Seconds(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
