namespace CrossCoaching.Tests.Emulator;

/// <summary>Failures that last a while rather than a number of requests: a route failing during an outage window.</summary>
public sealed partial class DiscordEmulator
{
    /// <summary>Every request to the route fails with <paramref name="status"/> from now until <see cref="EndFailures"/>.</summary>
    public void StartFailing(string method, string routeTemplate, int status, int? discordCode = null) =>
        ScriptFailure(method, routeTemplate, status, discordCode, Forever);

    /// <summary>Ends the failures scripted on the route: the next request is handled again.</summary>
    public void EndFailures(string method, string routeTemplate) => Locked(() => faults.Clear(Known($"{method} {routeTemplate}")));
}
