using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>Who the bot is and where the gateway is: /gateway/bot, /applications/@me, /users/@me, members.</summary>
internal static class ApplicationRoutes
{
    public static void Add(List<RouteSpec> routes, World world)
    {
        routes.Add(new RouteSpec("GET", "/gateway", _ => RestResult.Ok(new JsonObject { ["url"] = world.Gateway.GatewayUrl })) { Public = true });
        routes.Add(new RouteSpec("GET", "/gateway/bot", GatewayBot));
        routes.Add(new RouteSpec("GET", "/applications/@me", CurrentApplication));
        routes.Add(new RouteSpec("GET", "/users/@me", r => RestResult.Ok(ReadyPayloads.BotUser(r.World))));
        routes.Add(new RouteSpec("GET", "/guilds/{guild_id}/members/{user_id}", GetMember));
    }

    /// <summary>https://discord.com/developers/docs/events/gateway#get-gateway-bot</summary>
    private static RestResult GatewayBot(RestRequest request)
    {
        var world = request.World;
        return RestResult.Ok(new JsonObject
        {
            ["url"] = world.Gateway.GatewayUrl,
            ["shards"] = world.Options.Shards,
            ["session_start_limit"] = new JsonObject
            {
                ["total"] = world.Options.SessionStartLimit,
                ["remaining"] = world.Gateway.SessionStartsRemaining,
                ["reset_after"] = (long)world.Gateway.BudgetResetAfter.TotalMilliseconds,
                ["max_concurrency"] = world.Gateway.MaxConcurrency,
            },
        });
    }

    private static RestResult CurrentApplication(RestRequest request)
    {
        var world = request.World;
        return RestResult.Ok(new JsonObject
        {
            ["id"] = world.ApplicationId.ToString(),
            ["name"] = world.Bot.Username,
            ["icon"] = null,
            ["description"] = "",
            ["bot_public"] = false,
            ["bot_require_code_grant"] = false,
            ["verify_key"] = "0000000000000000000000000000000000000000000000000000000000000000",
            ["flags"] = Intents.ApplicationFlags(world.Options.EnabledPrivilegedIntents),
            ["bot"] = EntityJson.User(world.Bot),
            ["team"] = null,
            ["approximate_guild_count"] = world.Guilds.Count,
        });
    }

    /// <summary>https://discord.com/developers/docs/resources/guild#get-guild-member (no privileged intent needed).</summary>
    private static RestResult GetMember(RestRequest request)
    {
        var guildId = request.Id("guild_id");
        var userId = request.Id("user_id");
        if (!request.World.Guilds.TryGetValue(guildId, out var guild))
            throw DiscordError.NotFound(10004);
        return guild.MembersById.TryGetValue(userId, out var member)
            ? RestResult.Ok(EntityJson.Member(member))
            : throw DiscordError.NotFound(10007);
    }
}
