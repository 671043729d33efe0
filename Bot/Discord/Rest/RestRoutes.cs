namespace CrossCoaching.Discord.Rest;

/// <summary>The routes the bot calls. Only here do ids and tokens turn into paths.</summary>
internal static class RestRoutes
{
    private const string Global = "";

    public static RestRoute GatewayBot() => Bot(HttpMethod.Get, "/gateway/bot", "gateway/bot", Global);

    public static RestRoute CurrentApplication() => Bot(HttpMethod.Get, "/applications/@me", "applications/@me", Global);

    public static RestRoute CurrentUser() => Bot(HttpMethod.Get, "/users/@me", "users/@me", Global);

    public static RestRoute BulkOverwriteCommands(Snowflake application, Snowflake? guild) => guild is { } g
        ? Bot(HttpMethod.Put, "/applications/{app}/guilds/{guild}/commands", $"applications/{application}/guilds/{g}/commands", Global)
        : Bot(HttpMethod.Put, "/applications/{app}/commands", $"applications/{application}/commands", Global);

    public static RestRoute Commands(Snowflake application, Snowflake? guild) => guild is { } g
        ? Bot(HttpMethod.Get, "/applications/{app}/guilds/{guild}/commands", $"applications/{application}/guilds/{g}/commands", Global)
        : Bot(HttpMethod.Get, "/applications/{app}/commands", $"applications/{application}/commands", Global);

    /// <summary>Never sent twice after a lost answer: a second callback would be a second acknowledgement.</summary>
    public static RestRoute InteractionCallback(Snowflake interaction, string token) => new(
        HttpMethod.Post,
        "POST /interactions/{id}/{token}/callback",
        $"interactions/{interaction}/{Escape(token)}/callback",
        $"interaction:{interaction}",
        RouteKind.InteractionCallback,
        RetryAfterTimeout: false);

    public static RestRoute EditOriginal(Snowflake application, string token) =>
        Webhook(HttpMethod.Patch, "/webhooks/{app}/{token}/messages/@original", application, token, "/messages/@original");

    public static RestRoute DeleteOriginal(Snowflake application, string token) =>
        Webhook(HttpMethod.Delete, "/webhooks/{app}/{token}/messages/@original", application, token, "/messages/@original");

    public static RestRoute CreateFollowup(Snowflake application, string token) =>
        Webhook(HttpMethod.Post, "/webhooks/{app}/{token}", application, token, "");

    /// <summary>
    /// A voice channel (a session's room) is not sent again after a 5xx: a 502 or 504 may come from a proxy after Discord
    /// made it, and a second request would make a second room. The room step looks for it before asking again
    /// (<c>Sessions/LeftRooms</c>); other channels keep the usual retries.
    /// </summary>
    public static RestRoute CreateChannel(Snowflake guild, ChannelType type) =>
        Bot(HttpMethod.Post, "/guilds/{guild}/channels", $"guilds/{guild}/channels", $"guild:{guild}") with { RetryServerErrors = type != ChannelType.GuildVoice };

    /// <summary>Every channel of the guild but threads (https://discord.com/developers/docs/resources/guild#get-guild-channels).</summary>
    public static RestRoute GuildChannels(Snowflake guild) =>
        Bot(HttpMethod.Get, "/guilds/{guild}/channels", $"guilds/{guild}/channels", $"guild:{guild}");

    public static RestRoute DeleteChannel(Snowflake channel) =>
        Bot(HttpMethod.Delete, "/channels/{channel}", $"channels/{channel}", $"channel:{channel}");

    /// <summary>
    /// Safe to repeat after a lost answer, unlike other POSTs: Discord returns the existing DM channel if there is one
    /// (https://discord.com/developers/docs/resources/user#create-dm).
    /// </summary>
    public static RestRoute CreateDm() =>
        Bot(HttpMethod.Post, "/users/@me/channels", "users/@me/channels", Global) with { RetryAfterTimeout = true };

    public static RestRoute CreateMessage(Snowflake channel) =>
        Bot(HttpMethod.Post, "/channels/{channel}/messages", $"channels/{channel}/messages", $"channel:{channel}");

    public static RestRoute EditMessage(Snowflake channel, Snowflake message) =>
        Bot(HttpMethod.Patch, "/channels/{channel}/messages/{message}", $"channels/{channel}/messages/{message}", $"channel:{channel}");

    public static RestRoute GetGuildMember(Snowflake guild, Snowflake user) =>
        Bot(HttpMethod.Get, "/guilds/{guild}/members/{user}", $"guilds/{guild}/members/{user}", $"guild:{guild}");

    private static RestRoute Bot(HttpMethod method, string template, string path, string major) =>
        new(method, $"{method} {template}", path, major, RouteKind.Bot, RetryAfterTimeout: method != HttpMethod.Post);

    private static RestRoute Webhook(HttpMethod method, string template, Snowflake application, string token, string suffix) => new(
        method,
        $"{method} {template}",
        $"webhooks/{application}/{Escape(token)}{suffix}",
        // Webhook limits count per webhook id and token.
        $"webhook:{application}/{token}",
        RouteKind.InteractionWebhook,
        RetryAfterTimeout: method != HttpMethod.Post);

    private static string Escape(string token) => Uri.EscapeDataString(token);
}
