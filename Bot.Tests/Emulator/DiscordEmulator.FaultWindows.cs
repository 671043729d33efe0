namespace CrossCoaching.Tests.Emulator;

/// <summary>Failures that last a while rather than a number of requests: a route failing during an outage window.</summary>
public sealed partial class DiscordEmulator
{
    /// <summary>Every request to the route fails with <paramref name="status"/> from now until <see cref="EndFailures"/>.</summary>
    public void StartFailing(string method, string routeTemplate, int status, int? discordCode = null) =>
        ScriptFailure(method, routeTemplate, status, discordCode, Forever);

    /// <summary>Ends the failures scripted on the route: the next request is handled again. Lost answers go on (<see cref="EndLosingAnswers"/>).</summary>
    public void EndFailures(string method, string routeTemplate) => Locked(() => faults.Clear(Known($"{method} {routeTemplate}"), afterHandling: false));

    /// <summary>
    /// From now until <see cref="EndLosingAnswers"/>, every request to the route is carried out (a message is created) and
    /// then answered with <paramref name="status"/>: a window in which Discord accepts what the client takes for a failure.
    /// A failure window open at the same time wins: the request is then not carried out.
    /// </summary>
    public void StartLosingAnswers(string method, string routeTemplate, int status = 504) =>
        ScriptLostAnswer(method, routeTemplate, status, Forever);

    /// <summary>Ends the lost answers scripted on the route, leaving its failure window, if any, as it is.</summary>
    public void EndLosingAnswers(string method, string routeTemplate) => Locked(() => faults.Clear(Known($"{method} {routeTemplate}"), afterHandling: true));
}
