namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// The emulator's per-route limits. Discord does not document its numbers ("they can and do change"); these are the
/// commonly observed values for the routes the bot uses, and any route may be changed with <c>SetRateLimit</c>.
/// </summary>
public static class RateLimitDefaults
{
    public static IReadOnlyDictionary<string, RateLimitRule> Routes { get; } = new Dictionary<string, RateLimitRule>
    {
        ["POST /guilds/{guild_id}/channels"] = new(5, TimeSpan.FromSeconds(10)),
        ["DELETE /channels/{channel_id}"] = new(5, TimeSpan.FromSeconds(5)),
        ["POST /channels/{channel_id}/messages"] = new(5, TimeSpan.FromSeconds(5)),
        ["PATCH /channels/{channel_id}/messages/{message_id}"] = new(5, TimeSpan.FromSeconds(5)),
        ["POST /users/@me/channels"] = new(5, TimeSpan.FromSeconds(5)),
        ["GET /guilds/{guild_id}/members/{user_id}"] = new(10, TimeSpan.FromSeconds(10)),
        ["PUT /applications/{application_id}/commands"] = new(2, TimeSpan.FromSeconds(10)),
        ["PUT /applications/{application_id}/guilds/{guild_id}/commands"] = new(2, TimeSpan.FromSeconds(10)),
        ["POST /interactions/{interaction_id}/{interaction_token}/callback"] = new(5, TimeSpan.FromSeconds(5)),
        ["POST /webhooks/{webhook_id}/{webhook_token}"] = new(5, TimeSpan.FromSeconds(2)),
        ["PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original"] = new(5, TimeSpan.FromSeconds(2)),
    };

    internal static Dictionary<string, RateLimitRule> Build(IReadOnlyDictionary<string, RateLimitRule>? overrides)
    {
        var rules = new Dictionary<string, RateLimitRule>(Routes);
        foreach (var (key, rule) in overrides ?? new Dictionary<string, RateLimitRule>())
            rules[key] = rule;
        return rules;
    }
}
