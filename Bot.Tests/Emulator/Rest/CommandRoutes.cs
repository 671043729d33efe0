using System.Text.Json.Nodes;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Bulk overwrite and list of application commands, global and per guild
/// (https://discord.com/developers/docs/interactions/application-commands#bulk-overwrite-global-application-commands).
/// </summary>
internal static class CommandRoutes
{
    private static readonly (int Type, int Max)[] Limits = [(1, 100), (2, 15), (3, 15), (4, 1)];

    public static void Add(List<RouteSpec> routes)
    {
        routes.Add(new RouteSpec("PUT", "/applications/{application_id}/commands", r => Overwrite(r, null)));
        routes.Add(new RouteSpec("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", r => Overwrite(r, r.Id("guild_id"))));
        routes.Add(new RouteSpec("GET", "/applications/{application_id}/commands", r => List(r, null)));
        routes.Add(new RouteSpec("GET", "/applications/{application_id}/guilds/{guild_id}/commands", r => List(r, r.Id("guild_id"))));
    }

    private static string Scope(RestRequest request, Snowflake? guildId)
    {
        if (request.Id("application_id") != request.World.ApplicationId)
            throw DiscordError.Forbidden(50001);
        if (guildId is { } id && !request.World.Guilds.ContainsKey(id))
            throw DiscordError.Forbidden(50001);
        return Recorder.Scope(guildId);
    }

    private static RestResult List(RestRequest request, Snowflake? guildId) =>
        RestResult.Ok(new JsonArray(request.World.Commands.Get(Scope(request, guildId)).Select(c => (JsonNode)c.DeepClone()).ToArray()));

    private static RestResult Overwrite(RestRequest request, Snowflake? guildId)
    {
        var world = request.World;
        var scope = Scope(request, guildId);
        if (request.Body is not JsonArray commands)
            throw DiscordError.Form("", "LIST_TYPE_CONVERT", "Only iterables may be used in a ListType");
        var errors = new FormErrors();
        for (var i = 0; i < commands.Count; i++)
            CommandValidator.Validate(commands[i], i.ToString(System.Globalization.CultureInfo.InvariantCulture), errors);
        CheckDuplicates(commands, errors);
        errors.ThrowIfAny();
        foreach (var (type, max) in Limits)
        {
            if (commands.Count(c => TypeOf(c!) == type) > max)
                throw DiscordError.BadRequest(30032);
        }
        var existing = world.Commands.Get(scope);
        var created = commands.Count(c => Find(existing, c!) is null);
        if (world.Commands.CreatedSince(scope, world.Now.AddDays(-1)) + created > world.Options.MaxDailyCommandCreates)
        {
            var body = DiscordError.Of(429, 30034).Body();
            body["retry_after"] = 86400.0;
            body["global"] = false;
            return new RestResult(429, body);
        }
        world.Commands.NoteCreations(scope, world.Now, created);
        var stored = commands.Select(c => Store(world, (JsonObject)c!, Find(existing, c!), guildId)).ToList();
        world.Commands.Set(scope, stored);
        world.Record.CommandOverwrites[scope] = world.Record.CommandOverwrites.GetValueOrDefault(scope) + 1;
        return RestResult.Ok(new JsonArray(stored.Select(c => (JsonNode)c.DeepClone()).ToArray()));
    }

    private static int TypeOf(JsonNode command) => JsonRead.Int(command["type"]) ?? 1;

    private static JsonObject? Find(IReadOnlyList<JsonObject> existing, JsonNode command) =>
        existing.FirstOrDefault(e => JsonRead.Str(e["name"]) == JsonRead.Str(command["name"]) && TypeOf(e) == TypeOf(command));

    private static void CheckDuplicates(JsonArray commands, FormErrors errors)
    {
        var seen = new HashSet<(int, string?)>();
        for (var i = 0; i < commands.Count; i++)
        {
            if (commands[i] is JsonObject c && !seen.Add((TypeOf(c), JsonRead.Str(c["name"]))))
                errors.Add($"{i}.name", "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique");
        }
    }

    /// <summary>The command as Discord returns it: the given fields plus id (kept for a known name), version and defaults.</summary>
    private static JsonObject Store(World world, JsonObject command, JsonObject? previous, Snowflake? guildId)
    {
        var stored = (JsonObject)command.DeepClone();
        stored["id"] = previous?["id"]?.GetValue<string>() ?? world.Ids.Next().ToString();
        stored["application_id"] = world.ApplicationId.ToString();
        stored["version"] = world.Ids.Next().ToString();
        stored["type"] = TypeOf(command);
        stored["description"] ??= "";
        stored["default_member_permissions"] = JsonRead.Bits(command["default_member_permissions"], out _) is { } bits ? EntityJson.Str(bits) : null;
        stored["nsfw"] ??= false;
        stored["integration_types"] ??= new JsonArray((JsonNode)0);
        if (guildId is { } id)
            stored["guild_id"] = id.ToString();
        else
            stored["contexts"] ??= null;
        return stored;
    }
}
