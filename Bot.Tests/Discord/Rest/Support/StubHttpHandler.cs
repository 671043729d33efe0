using System.Net.Http;

namespace CrossCoaching.Tests.Discord.Rest.Support;

/// <summary>
/// Discord as scripted by a test: each expected request (method + path) gets its reply, in order. Anything else is
/// recorded and thrown at the client, and fails the test again when the harness is disposed.
/// </summary>
internal sealed class StubHttpHandler(Uri baseUri) : HttpMessageHandler
{
    private readonly Lock _sync = new();
    private readonly List<Expectation> _expectations = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<string> _unexpected = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_sync)
                return [.. _requests];
        }
    }

    public int Count
    {
        get
        {
            lock (_sync)
                return _requests.Count;
        }
    }

    public IReadOnlyList<string> Unexpected
    {
        get
        {
            lock (_sync)
                return [.. _unexpected];
        }
    }

    /// <summary>Expects <paramref name="times"/> requests <c>METHOD path</c> (path relative to the API base, no query).</summary>
    public void On(string method, string path, Func<RecordedRequest, HttpResponseMessage> reply, int times = 1) =>
        On(method, path, request => Task.FromResult(reply(request)), times);

    public void On(string method, string path, Func<RecordedRequest, Task<HttpResponseMessage>> reply, int times = 1)
    {
        lock (_sync)
            _expectations.Add(new Expectation(method, path, reply, times));
    }

    public RecordedRequest Last() => Requests[^1];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var recorded = await RecordedRequest.ReadAsync(request, baseUri, cancellationToken);
        Expectation? match;
        lock (_sync)
        {
            _requests.Add(recorded);
            match = _expectations.FirstOrDefault(e => e.Remaining > 0 && e.Method == recorded.Method && e.Path == recorded.Path);
            if (match is null)
                _unexpected.Add($"{recorded.Method} {recorded.Path}");
            else
                match.Remaining--;
        }
        if (match is null)
            throw new InvalidOperationException($"Unexpected request to the Discord stub: {recorded.Method} {recorded.Path}");
        var response = await match.Reply(recorded);
        response.RequestMessage = request;
        return response;
    }

    private sealed class Expectation(string method, string path, Func<RecordedRequest, Task<HttpResponseMessage>> reply, int times)
    {
        public string Method { get; } = method;

        public string Path { get; } = path;

        public Func<RecordedRequest, Task<HttpResponseMessage>> Reply { get; } = reply;

        public int Remaining { get; set; } = times;
    }
}
