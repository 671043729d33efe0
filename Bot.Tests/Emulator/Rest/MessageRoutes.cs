using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>Create and edit messages (https://discord.com/developers/docs/resources/message).</summary>
internal static class MessageRoutes
{
    /// <summary>Discord's default upload limit per file for bots (10 MiB).</summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;

    /// <summary>How long Discord remembers a nonce for <c>enforce_nonce</c> ("the past few minutes").</summary>
    public static readonly TimeSpan NonceWindow = TimeSpan.FromMinutes(5);

    public static void Add(List<RouteSpec> routes)
    {
        routes.Add(new RouteSpec("POST", "/channels/{channel_id}/messages", Create));
        routes.Add(new RouteSpec("PATCH", "/channels/{channel_id}/messages/{message_id}", Edit));
    }

    private static RestResult Create(RestRequest request)
    {
        var world = request.World;
        var channel = world.Channels.TryGetValue(request.Id("channel_id"), out var c) ? c : throw DiscordError.NotFound(10003);
        var body = request.BodyObject;
        CheckFiles(request);
        MessageValidator.Check(body, "", MessageValidator.ChannelFlags, creating: true, request.Files.Count);
        CheckCanSend(world, channel, request.Files.Count > 0);
        if (Duplicate(world, channel, body) is { } existing)
            return RestResult.Ok(MessageJson.Of(existing, world));
        var message = MessageFactory.Create(world, channel, body, request.Files, MessageSource.ChannelMessage);
        return RestResult.Ok(MessageJson.Of(message, world));
    }

    private static RestResult Edit(RestRequest request)
    {
        var world = request.World;
        var channel = world.Channels.TryGetValue(request.Id("channel_id"), out var c) ? c : throw DiscordError.NotFound(10003);
        var messageId = request.Id("message_id");
        if (!world.Messages.TryGetValue(messageId, out var message) || message.ChannelId != channel.Id || message.DeletedAt is not null || message.IsEphemeral)
            throw DiscordError.NotFound(10008);
        if (message.AuthorId != world.Bot.Id)
            throw DiscordError.Forbidden(50005);
        CheckFiles(request);
        MessageValidator.Check(request.BodyObject, "", MessageValidator.ChannelFlags, creating: false, request.Files.Count);
        MessageFactory.Edit(world, channel, message, request.BodyObject, request.Files);
        return RestResult.Ok(MessageJson.Of(message, world));
    }

    /// <summary>
    /// With <c>enforce_nonce</c>, a message the same author created in the same channel with the same nonce in the past
    /// few minutes is returned as it is: no second message, no second MESSAGE_CREATE
    /// (https://discord.com/developers/docs/resources/message#create-message-jsonform-params).
    /// </summary>
    private static EmulatedMessage? Duplicate(World world, EmulatedChannel channel, JsonObject body)
    {
        if (JsonRead.Bool(body["enforce_nonce"]) != true || body["nonce"] is not JsonValue value)
            return null;
        var nonce = value.ToString();
        return world.Messages.Values.FirstOrDefault(m =>
            m.ChannelId == channel.Id && m.AuthorId == world.Bot.Id && m.Nonce == nonce && world.Now - m.CreatedAt <= NonceWindow);
    }

    public static void CheckFiles(RestRequest request)
    {
        if (request.Files.Count > 10)
            throw DiscordError.Form("files", "BASE_TYPE_MAX_LENGTH", "Must be 10 or fewer in length.");
        if (request.Files.Any(f => f.Content.Length > MaxFileBytes))
            throw DiscordError.Of(413, 40005);
    }

    /// <summary>
    /// A DM to a user who closed DMs (or to a bot) is 50007; in a guild channel the bot needs VIEW_CHANNEL (else 50001)
    /// and SEND_MESSAGES (else 50013), ATTACH_FILES for files; a category cannot hold messages (50024).
    /// </summary>
    private static void CheckCanSend(World world, EmulatedChannel channel, bool hasFiles)
    {
        if (channel.GuildId is not { } guildId)
        {
            if (channel.RecipientId is not { } recipient || !world.Users.TryGetValue(recipient, out var user) || user.IsBot || !user.AcceptsDms)
                throw DiscordError.Forbidden(50007);
            return;
        }
        if (channel.Type == EmulatedChannelType.GuildCategory)
            throw DiscordError.BadRequest(50024);
        var permissions = world.BotPermissions(world.Guilds[guildId], channel);
        if ((permissions & Perms.ViewChannel) == 0)
            throw DiscordError.Forbidden(50001);
        if ((permissions & Perms.SendMessages) == 0 || (hasFiles && (permissions & Perms.AttachFiles) == 0))
            throw DiscordError.Forbidden(50013);
    }
}
