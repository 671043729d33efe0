using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>Create and list guild channels, get and delete channel, open a DM (resources/guild.mdx, channel.mdx, user.mdx).</summary>
internal static class ChannelRoutes
{
    public static void Add(List<RouteSpec> routes)
    {
        routes.Add(new RouteSpec("POST", "/guilds/{guild_id}/channels", Create));
        routes.Add(new RouteSpec("GET", "/guilds/{guild_id}/channels", List));
        routes.Add(new RouteSpec("GET", "/channels/{channel_id}", Get));
        routes.Add(new RouteSpec("DELETE", "/channels/{channel_id}", Delete));
        routes.Add(new RouteSpec("POST", "/users/@me/channels", OpenDm));
    }

    private static RestResult Create(RestRequest request)
    {
        var world = request.World;
        if (!world.Guilds.TryGetValue(request.Id("guild_id"), out var guild))
            throw DiscordError.NotFound(10004);
        var channel = new ChannelCreation(world, guild, request.BodyObject).Create();
        return RestResult.Created(EntityJson.Channel(channel));
    }

    /// <summary>
    /// Every channel of the guild, threads aside, whether or not the bot can view it: Discord filters nothing here
    /// (resources/guild.mdx, Get Guild Channels). An unknown guild, or one the bot is not in, is 10004.
    /// </summary>
    private static RestResult List(RestRequest request)
    {
        var world = request.World;
        if (!world.Guilds.ContainsKey(request.Id("guild_id")))
            throw DiscordError.NotFound(10004);
        return RestResult.Ok(new JsonArray([.. world.ChannelsOf(request.Id("guild_id")).Select(c => (JsonNode)EntityJson.Channel(c))]));
    }

    private static EmulatedChannel Find(RestRequest request) =>
        request.World.Channels.TryGetValue(request.Id("channel_id"), out var channel) ? channel : throw DiscordError.NotFound(10003);

    private static RestResult Get(RestRequest request)
    {
        var world = request.World;
        var channel = Find(request);
        if (channel.GuildId is { } guildId && (world.BotPermissions(world.Guilds[guildId], channel) & Perms.ViewChannel) == 0)
            throw DiscordError.Forbidden(50001);
        return RestResult.Ok(EntityJson.Channel(channel, Recipient(world, channel)));
    }

    /// <summary>Needs VIEW_CHANNEL (else 50001) and MANAGE_CHANNELS (else 50013) in the channel by the algorithm.</summary>
    private static RestResult Delete(RestRequest request)
    {
        var world = request.World;
        var channel = Find(request);
        if (channel.GuildId is { } guildId)
        {
            var permissions = world.BotPermissions(world.Guilds[guildId], channel);
            if ((permissions & Perms.ViewChannel) == 0)
                throw DiscordError.Forbidden(50001);
            if ((permissions & Perms.ManageChannels) == 0)
                throw DiscordError.Forbidden(50013);
        }
        var json = EntityJson.Channel(channel, Recipient(world, channel));
        WorldChanges.DeleteChannel(world, channel);
        return RestResult.Ok(json);
    }

    private static EmulatedUser? Recipient(World world, EmulatedChannel channel) =>
        channel.RecipientId is { } id && world.Users.TryGetValue(id, out var user) ? user : null;

    /// <summary>One stable DM channel per user; an unknown recipient is 50033.</summary>
    private static RestResult OpenDm(RestRequest request)
    {
        var world = request.World;
        var body = request.BodyObject;
        if (body["recipient_id"] is null)
            throw DiscordError.Form(new FormErrors().Required("recipient_id"));
        if (JsonRead.Id(body["recipient_id"]) is not { } userId || !world.Users.TryGetValue(userId, out var user) || userId == world.Bot.Id)
            throw DiscordError.BadRequest(50033);
        return RestResult.Ok(EntityJson.Channel(WorldChanges.DmChannel(world, user), user));
    }
}
