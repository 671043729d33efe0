using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Everything under /api/v10 goes through here: route match, auth, User-Agent, scripted faults, rate limits, body
/// checks, the handler, the record. Routing only matches; the handler runs here, under the world's lock.
/// </summary>
internal sealed class RestPipeline(World world, RateLimiter limiter, FaultScript faults)
{
    private static readonly string[] Unrecorded = ["Authorization", "Cookie"];

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            await next(http);
            return;
        }
        var endpoint = http.GetEndpoint();
        var route = endpoint?.Metadata.GetMetadata<RouteSpec>();
        var body = await RequestBody.ReadAsync(http.Request);
        var headers = new Dictionary<string, string>();
        RestResult result;
        lock (world.Sync)
        {
            var record = Record(http, route, body);
            try
            {
                result = Process(http, endpoint, route, body, headers);
            }
            catch (DiscordError error)
            {
                result = new RestResult(error.Status, error.Body());
            }
#pragma warning disable CA1031 // An emulator bug must reach the test as a 500 it can see, not kill the server.
            catch (Exception e)
#pragma warning restore CA1031
            {
                world.Record.InternalErrors.Add(e);
                result = new RestResult(500, new JsonObject { ["message"] = $"Emulator failure: {e}", ["code"] = 0 });
            }
            record.Status = result.Status;
            record.Code = result.Status >= 400 && result.Body?["code"] is JsonValue c && c.TryGetValue<int>(out var code) ? code : null;
            if (result.Status is 401 or 403 or 429)
                world.Record.InvalidRequests++;
            world.Touch();
        }
        await WriteAsync(http, result, headers);
    }

    private RestResult Process(HttpContext http, Endpoint? endpoint, RouteSpec? route, RequestBody body, Dictionary<string, string> headers)
    {
        if (route is null)
            return endpoint is null ? new RestResult(404, DiscordError.Of(404, 0).Body()) : new RestResult(405, DiscordError.Of(405, 0).Body());
        if (!route.TokenRoute && !route.Public && !HasBotAuth(http))
            return new RestResult(401, DiscordError.Of(401, 0).Body());
        if (world.Options.UserAgentRequired && !http.Request.Headers.UserAgent.ToString().StartsWith("DiscordBot (", StringComparison.Ordinal))
        {
            return new RestResult(403, new JsonObject
            {
                ["message"] = "internal network error (the emulator requires User-Agent: DiscordBot ($url, $versionNumber))",
                ["code"] = 40333,
            });
        }
        if (faults.Next(route.Key) is { } fault)
            return fault;
        if (limiter.Check(route, RouteSpec.MajorParameter(http), headers) is { } limited)
            return limited;
        var json = body.Json();
        UploadValidator.Check(body, json);
        var request = new RestRequest(http, world, json, body.Files());
        var result = route.Handler(request);
        return result.Status < 300 && faults.NextLostAnswer(route.Key) is { } lost ? lost : result;
    }

    private bool HasBotAuth(HttpContext http) => http.Request.Headers.Authorization.ToString() == $"Bot {world.Options.Token}";

    private RestRequestRecord Record(HttpContext http, RouteSpec? route, RequestBody body)
    {
        var kept = http.Request.Headers
            .Where(h => !Unrecorded.Contains(h.Key, StringComparer.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var record = new RestRequestRecord(
            world.Now,
            http.Request.Method,
            ApiPath(http.Request.Path.Value ?? "") + http.Request.QueryString.Value,
            route?.Key,
            HasBotAuth(http),
            kept,
            body.Text,
            body.Parts);
        world.Record.Requests.Add(record);
        return record;
    }

    private static string ApiPath(string path) => path.StartsWith("/api/v10/", StringComparison.Ordinal) ? path["/api/v10".Length..] : path;

    private static async Task WriteAsync(HttpContext http, RestResult result, Dictionary<string, string> headers)
    {
        http.Response.StatusCode = result.Status;
        foreach (var (name, value) in headers.Concat(result.Headers ?? new Dictionary<string, string>()))
            http.Response.Headers[name] = value;
        if (result.Html is { } html)
        {
            http.Response.ContentType = "text/html";
            await http.Response.WriteAsync(html);
        }
        else if (result.Body is { } json)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(json.ToJsonString());
        }
    }
}
