using System.Text.Json.Nodes;
using CrossCoaching.Discord;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CrossCoaching.Tests.Emulator;

/// <summary>The answer of a route handler; the pipeline adds rate-limit headers and records it.</summary>
internal sealed record RestResult(int Status, JsonNode? Body)
{
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>A non-JSON body (a proxy's HTML error page).</summary>
    public string? Html { get; init; }

    public static RestResult Ok(JsonNode body) => new(200, body);

    public static RestResult Created(JsonNode body) => new(201, body);

    public static RestResult NoContent { get; } = new(204, null);
}

/// <summary>An uploaded file part (<c>files[n]</c>).</summary>
internal sealed record UploadedFile(int Index, string FileName, string? ContentType, byte[] Content);

/// <summary>A request as a route handler sees it: ids from the path, the JSON body (or payload_json), the files.</summary>
internal sealed class RestRequest(HttpContext http, World world, JsonNode? body, IReadOnlyList<UploadedFile> files)
{
    public HttpContext Http { get; } = http;

    public World World { get; } = world;

    public JsonNode? Body { get; } = body;

    public IReadOnlyList<UploadedFile> Files { get; } = files;

    public JsonObject BodyObject => Body as JsonObject ?? throw DiscordError.Form("", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");

    public string Value(string name) => Http.GetRouteValue(name) as string ?? "";

    public bool Flag(string query) => Http.Request.Query[query] is var v && (v == "true" || v == "True" || v == "1");

    /// <summary>A path id; not a snowflake → 400 50035 as Discord answers (NUMBER_TYPE_COERCE).</summary>
    public Snowflake Id(string name)
    {
        var text = Value(name);
        return Snowflake.TryParse(text, out var id)
            ? id
            : throw DiscordError.Form(name, "NUMBER_TYPE_COERCE", $"Value \"{text}\" is not snowflake.");
    }
}

/// <summary>A REST route of the emulator, attached to its endpoint as metadata.</summary>
internal sealed record RouteSpec(string Method, string Template, Func<RestRequest, RestResult> Handler)
{
    /// <summary>Interaction callbacks and webhook-token routes need no Authorization and skip the global limit.</summary>
    public bool TokenRoute { get; init; }

    /// <summary>A public route (GET /gateway): no Authorization needed, but counted in the global limit.</summary>
    public bool Public { get; init; }

    public string Key => $"{Method} {Template}";

    /// <summary>The top-level resource the per-route limit is counted per (channel, guild, or webhook id + token).</summary>
    public static string MajorParameter(HttpContext http)
    {
        foreach (var name in new[] { "channel_id", "guild_id" })
        {
            if (http.GetRouteValue(name) is string value)
                return value;
        }
        if (http.GetRouteValue("webhook_token") is string token)
            return $"{http.GetRouteValue("webhook_id")}/{token}";
        if (http.GetRouteValue("interaction_token") is string interactionToken)
            return $"{http.GetRouteValue("interaction_id")}/{interactionToken}";
        return "";
    }
}
