using CrossCoaching.Benchmarks;
using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.BenchmarkTests;

public sealed class SessionRequestsTests
{
    [Fact]
    public void Requests_per_session_count_everything_but_the_start_up_and_the_command_registration()
    {
        RestRequestRecord Request(string route) => new(DateTimeOffset.UnixEpoch, route.Split(' ')[0], "/", route, true,
            new Dictionary<string, string>(), null, []);
        var requests = new[]
        {
            Request("GET /gateway/bot"), Request("GET /users/@me"), Request("PUT /applications/{application_id}/commands"),
            Request("POST /guilds/{guild_id}/channels"), Request("DELETE /channels/{channel_id}"),
            Request("POST /channels/{channel_id}/messages"), Request("POST /channels/{channel_id}/messages"),
        };

        var (perSession, routes) = SessionRequests.Of(requests, sessions: 2);

        Assert.Equal(2.0, perSession);
        Assert.Equal(("POST /channels/{channel_id}/messages", 1.0), routes[0]);
        Assert.Equal(3, routes.Count);
    }
}
