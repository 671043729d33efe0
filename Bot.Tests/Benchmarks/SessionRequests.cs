using System.Globalization;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// The REST budget of a session: Discord allows a bot 50 requests a second in all, so requests per session bound the
/// sessions one bot can hold. Every request the emulator answered counts but the start-up's (gateway URL, identity,
/// command registration), answered or refused alike: a refused one spent the budget too.
/// </summary>
public static class SessionRequests
{
    public const double Target = 5;

    private static readonly string[] StartUp = ["GET /gateway/bot", "GET /users/@me", "GET /applications/@me", "GET /oauth2/applications/@me"];

    public static (double PerSession, IReadOnlyList<(string Route, double PerSession)> Routes) Of(IEnumerable<RestRequestRecord> requests, int sessions)
    {
        var counted = requests.Select(r => r.Route ?? $"{r.Method} {r.Path}")
            .Where(route => !StartUp.Contains(route) && !route.Contains("/commands", StringComparison.Ordinal))
            .ToList();
        var per = sessions == 0 ? 0 : (double)counted.Count / sessions;
        var routes = counted.GroupBy(route => route).OrderByDescending(g => g.Count())
            .Select(g => (g.Key, sessions == 0 ? 0 : (double)g.Count() / sessions)).ToList();
        return (per, routes);
    }

    public static string Describe(IReadOnlyList<(string Route, double PerSession)> routes) =>
        string.Join(", ", routes.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Route} {r.PerSession:0.00}")));
}
