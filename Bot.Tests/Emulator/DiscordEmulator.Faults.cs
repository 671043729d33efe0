namespace CrossCoaching.Tests.Emulator;

/// <summary>Rate limits and scripted failures. Route templates are Discord's, e.g. <c>/guilds/{guild_id}/channels</c>.</summary>
public sealed partial class DiscordEmulator
{
    /// <summary>For <see cref="ScriptFailure"/>: never stop failing.</summary>
    public const int Forever = FaultScript.Forever;

    /// <summary>Sets a route's limit, e.g. <c>SetRateLimit("POST /guilds/{guild_id}/channels", 5, TimeSpan.FromSeconds(10))</c>.</summary>
    public void SetRateLimit(string route, int limit, TimeSpan window) => Locked(() => limiter.Set(Known(route), new RateLimitRule(limit, window)));

    /// <summary>The next request outside the interaction routes gets a global 429; the global limit then holds for <paramref name="retryAfter"/>.</summary>
    public void ScriptGlobalRateLimit(TimeSpan retryAfter) => Locked(() => limiter.ScriptGlobal(retryAfter));

    /// <summary>The next <paramref name="times"/> requests to the route get a 429 (scope user); each closes the bucket for <paramref name="retryAfter"/>.</summary>
    public void ScriptRateLimit(string method, string routeTemplate, TimeSpan retryAfter, int times = 1) =>
        Locked(() => limiter.Script(Known($"{method} {routeTemplate}"), retryAfter, times));

    /// <summary>
    /// The next <paramref name="times"/> requests to the route fail with <paramref name="status"/> (and Discord's JSON
    /// error <paramref name="discordCode"/> if given), e.g. 500 once, 502 three times, 403 50013 <see cref="Forever"/>.
    /// </summary>
    public void ScriptFailure(string method, string routeTemplate, int status, int? discordCode = null, int times = 1) =>
        Locked(() => faults.Add(Known($"{method} {routeTemplate}"), status, discordCode, times));

    /// <summary>
    /// The next <paramref name="times"/> requests to the route are carried out (a message is created) but answered with
    /// <paramref name="status"/> (a proxy's 502/503/504 page): Discord accepted, and the client cannot know it.
    /// </summary>
    public void ScriptLostAnswer(string method, string routeTemplate, int status = 504, int times = 1) =>
        Locked(() => faults.AddLostAnswer(Known($"{method} {routeTemplate}"), status, times));

    /// <summary>Ends every scripted failure and lost answer: the outage is over.</summary>
    public void ClearScriptedFailures() => Locked(faults.Clear);

    private string Known(string route) =>
        world.RouteKeys.Contains(route)
            ? route
            : throw new ArgumentException($"The emulator serves no route '{route}'. Known: {string.Join("; ", world.RouteKeys.Order())}");

    /// <summary>
    /// From now on, gateway events with these names (e.g. CHANNEL_CREATE, CHANNEL_UPDATE, CHANNEL_DELETE) reach the bot
    /// <paramref name="delay"/> after the change that caused them, on the emulator's clock, as Discord may send them
    /// after its REST answer. <see cref="TimeSpan.Zero"/> stops delaying them (those held still arrive when due).
    /// </summary>
    public void DelayGatewayEvents(TimeSpan delay, params string[] eventNames) => Locked(() => world.Gateway.Late.Set(delay, eventNames));

    /// <summary>Gateway events held by <see cref="DelayGatewayEvents"/> and not sent yet.</summary>
    public int DelayedGatewayEvents => Locked(() => world.Gateway.Late.Pending);

    /// <summary>Sends every held gateway event now, in order.</summary>
    public void DeliverDelayedGatewayEvents() => Locked(() => world.Gateway.Late.Flush());

    /// <summary>
    /// The next <paramref name="times"/> channels created with permission overwrites are made without them and answered
    /// so (a 201 whose <c>permission_overwrites</c> is empty): a room that is not what was asked for, which the bot must
    /// notice in the answer.
    /// </summary>
    public void ScriptOverwritesDroppedOnCreate(int times = 1) => Locked(() => world.OverwriteDropsLeft = times);
}
