namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Failures a test scripts on a route: the next <c>times</c> matching requests get the status (and Discord code) instead
/// of being handled. A 500 is Discord's JSON; 502/503/504 are the HTML pages the proxy in front of Discord answers with.
/// </summary>
internal sealed class FaultScript
{
    public const int Forever = int.MaxValue;

    private readonly List<Fault> faults = [];

    private sealed record Fault(string Key, int Status, int? Code, bool AfterHandling = false)
    {
        public int Times { get; set; }
    }

    public void Add(string routeKey, int status, int? code, int times) => faults.Add(new Fault(routeKey, status, code) { Times = times });

    /// <summary>Ends every failure scripted on the route, spent or not; only the lost answers, or only the others, when told which.</summary>
    public void Clear(string routeKey, bool? afterHandling = null) =>
        faults.RemoveAll(f => f.Key == routeKey && (afterHandling is not { } after || f.AfterHandling == after));

    /// <summary>The request is handled (the message is created), then its answer is replaced by the status: an outcome the client cannot know.</summary>
    public void AddLostAnswer(string routeKey, int status, int times) => faults.Add(new Fault(routeKey, status, null, AfterHandling: true) { Times = times });

    public void Clear() => faults.Clear();

    public RestResult? Next(string routeKey) => Take(routeKey, afterHandling: false);

    public RestResult? NextLostAnswer(string routeKey) => Take(routeKey, afterHandling: true);

    private RestResult? Take(string routeKey, bool afterHandling)
    {
        var fault = faults.FirstOrDefault(f => f.Key == routeKey && f.Times > 0 && f.AfterHandling == afterHandling);
        if (fault is null)
            return null;
        if (fault.Times != Forever)
            fault.Times--;
        if (fault.Code is { } code)
            return new RestResult(fault.Status, DiscordError.Of(fault.Status, code).Body());
        if (fault.Status is 502 or 503 or 504)
            return new RestResult(fault.Status, null) { Html = $"<html><head><title>{fault.Status} Bad Gateway</title></head><body><center><h1>{fault.Status}</h1></center><hr><center>cloudflare</center></body></html>" };
        return new RestResult(fault.Status, DiscordError.Of(fault.Status, 0).Body());
    }
}
