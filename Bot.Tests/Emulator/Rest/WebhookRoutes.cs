using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// The interaction token's webhook routes: @original (GET/PATCH/DELETE), followups (POST) and their edits. No
/// Authorization, outside the global limit; the token works for 15 minutes (then 401 50027).
/// </summary>
internal static class WebhookRoutes
{
    private const string Base = "/webhooks/{webhook_id}/{webhook_token}";

    public static void Add(List<RouteSpec> routes)
    {
        routes.Add(new RouteSpec("GET", Base + "/messages/@original", r => RestResult.Ok(MessageJson.Of(Original(r, Resolve(r)), r.World))) { TokenRoute = true });
        routes.Add(new RouteSpec("PATCH", Base + "/messages/@original", EditOriginal) { TokenRoute = true });
        routes.Add(new RouteSpec("DELETE", Base + "/messages/@original", r => Delete(r, Original(r, Resolve(r)))) { TokenRoute = true });
        routes.Add(new RouteSpec("POST", Base, Followup) { TokenRoute = true });
        routes.Add(new RouteSpec("GET", Base + "/messages/{message_id}", r => RestResult.Ok(MessageJson.Of(Own(r, Resolve(r)), r.World))) { TokenRoute = true });
        routes.Add(new RouteSpec("PATCH", Base + "/messages/{message_id}", EditFollowup) { TokenRoute = true });
        routes.Add(new RouteSpec("DELETE", Base + "/messages/{message_id}", r => Delete(r, Own(r, Resolve(r)))) { TokenRoute = true });
    }

    private static InteractionHandle Resolve(RestRequest request)
    {
        var world = request.World;
        if (request.Id("webhook_id") != world.ApplicationId)
            throw DiscordError.NotFound(10015);
        if (!world.InteractionsByToken.TryGetValue(request.Value("webhook_token"), out var interaction) || interaction.TokenExpired)
            throw DiscordError.Of(401, 50027);
        return interaction;
    }

    /// <summary>Nothing to designate before a callback, or after an autocomplete/modal callback: 10008.</summary>
    private static EmulatedMessage Original(RestRequest request, InteractionHandle interaction) =>
        interaction.Original is { DeletedAt: null } original ? original : throw Rejected(interaction, request, DiscordError.NotFound(10008));

    private static EmulatedMessage Own(RestRequest request, InteractionHandle interaction)
    {
        var id = request.Id("message_id");
        var message = interaction.Followups.FirstOrDefault(m => m.Id == id) ?? (interaction.Original?.Id == id ? interaction.Original : null);
        return message is { DeletedAt: null } ? message : throw Rejected(interaction, request, DiscordError.NotFound(10008));
    }

    private static DiscordError Rejected(InteractionHandle interaction, RestRequest request, DiscordError error)
    {
        interaction.Reject($"{request.Http.Request.Method} {request.Http.Request.Path}", error);
        return error;
    }

    private static RestResult EditOriginal(RestRequest request)
    {
        var interaction = Resolve(request);
        var message = Original(request, interaction);
        Edit(request, message);
        interaction.AddOriginalEdit(message.Edits[^1]);
        return RestResult.Ok(MessageJson.Of(message, request.World));
    }

    private static RestResult EditFollowup(RestRequest request)
    {
        var message = Own(request, Resolve(request));
        Edit(request, message);
        return RestResult.Ok(MessageJson.Of(message, request.World));
    }

    private static void Edit(RestRequest request, EmulatedMessage message)
    {
        MessageRoutes.CheckFiles(request);
        MessageValidator.Check(request.BodyObject, "", MessageValidator.InteractionFlags, creating: false, request.Files.Count);
        var channel = request.World.Channels.GetValueOrDefault(message.ChannelId) ?? throw DiscordError.NotFound(10003);
        MessageFactory.Edit(request.World, channel, message, request.BodyObject, request.Files);
    }

    /// <summary>
    /// A followup needs the interaction answered first (else 10015); it may be ephemeral. Right after a deferral (type
    /// 5) whose loading message is still there, Discord makes it an edit of that message instead, ignoring EPHEMERAL:
    /// the deferral's visibility stays (deprecated, kept for backwards compatibility;
    /// https://discord.com/developers/docs/interactions/receiving-and-responding#create-followup-message).
    /// </summary>
    private static RestResult Followup(RestRequest request)
    {
        var interaction = Resolve(request);
        if (interaction.Callback is null)
            throw Rejected(interaction, request, DiscordError.NotFound(10015));
        MessageRoutes.CheckFiles(request);
        MessageValidator.Check(request.BodyObject, "", MessageValidator.InteractionFlags, creating: true, request.Files.Count);
        if (interaction.Callback.Type == 5 && interaction.Original is { IsLoading: true, DeletedAt: null } loading)
        {
            MessageFactory.Edit(request.World, interaction.Channel, loading, request.BodyObject, request.Files);
            interaction.AddOriginalEdit(loading.Edits[^1]);
            return RestResult.Ok(MessageJson.Of(loading, request.World));
        }
        var message = MessageFactory.Create(request.World, interaction.Channel, request.BodyObject, request.Files, MessageSource.Followup, interaction.Id);
        interaction.AddFollowup(message);
        return RestResult.Ok(MessageJson.Of(message, request.World));
    }

    private static RestResult Delete(RestRequest request, EmulatedMessage message)
    {
        var world = request.World;
        message.DeletedAt = world.Now;
        if (!message.IsEphemeral)
        {
            var data = new System.Text.Json.Nodes.JsonObject { ["id"] = message.Id.ToString(), ["channel_id"] = message.ChannelId.ToString() };
            if (message.GuildId is Snowflake guildId)
                data["guild_id"] = guildId.ToString();
            world.Gateway.Dispatch("MESSAGE_DELETE", data, message.GuildId, message.GuildId is null ? Intents.DirectMessages : Intents.GuildMessages);
        }
        return RestResult.NoContent;
    }
}
