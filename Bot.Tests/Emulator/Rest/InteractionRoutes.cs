using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// <c>POST /interactions/{id}/{token}/callback</c>: no Authorization needed, outside the global limit. The first
/// callback must come within the deadline (else 10062), a second one is 40060
/// (https://discord.com/developers/docs/interactions/receiving-and-responding#responding-to-an-interaction).
/// </summary>
internal static class InteractionRoutes
{
    private const string Route = "POST /interactions/{interaction_id}/{interaction_token}/callback";

    public static void Add(List<RouteSpec> routes) =>
        routes.Add(new RouteSpec("POST", "/interactions/{interaction_id}/{interaction_token}/callback", Callback) { TokenRoute = true });

    private static RestResult Callback(RestRequest request)
    {
        var world = request.World;
        if (!world.Interactions.TryGetValue(request.Id("interaction_id"), out var interaction) || interaction.Token != request.Value("interaction_token"))
            throw DiscordError.NotFound(10062);
        try
        {
            return Answer(request, interaction);
        }
        catch (DiscordError error)
        {
            interaction.Reject(Route, error);
            throw;
        }
    }

    private static RestResult Answer(RestRequest request, InteractionHandle interaction)
    {
        var world = request.World;
        if (interaction.Callback is not null)
            throw DiscordError.BadRequest(40060);
        if (world.Now - interaction.DispatchedAt > world.Options.InteractionDeadline)
            throw DiscordError.NotFound(10062);
        var body = request.BodyObject;
        MessageRoutes.CheckFiles(request);
        CallbackValidator.Check(interaction, body, request.Files.Count);
        var type = JsonRead.Int(body["type"])!.Value;
        var data = body["data"] as JsonObject;
        switch (type)
        {
            case 4:
                interaction.Original = MessageFactory.Create(world, interaction.Channel, data!, request.Files, MessageSource.InteractionResponse, interaction.Id);
                break;
            case 5:
                var loading = new JsonObject { ["flags"] = JsonRead.Int(data?["flags"]) ?? 0 };
                interaction.Original = MessageFactory.Create(world, interaction.Channel, loading, [], MessageSource.InteractionResponse, interaction.Id, MessageValidator.Loading);
                break;
            case 6:
                interaction.Original = interaction.SourceMessage;
                break;
            case 7:
                var source = interaction.SourceMessage!;
                MessageFactory.Edit(world, world.Channels.GetValueOrDefault(source.ChannelId) ?? interaction.Channel, source, data ?? [], request.Files);
                interaction.Original = source;
                break;
        }
        interaction.Callback = new InteractionCallbackRecord(type, (JsonObject?)data?.DeepClone(), world.Now, world.Now - interaction.DispatchedAt);
        return request.Flag("with_response") ? RestResult.Ok(CallbackResponse(world, interaction, type)) : RestResult.NoContent;
    }

    /// <summary>The InteractionCallbackResponse returned with <c>?with_response=true</c>.</summary>
    private static JsonObject CallbackResponse(World world, InteractionHandle interaction, int type)
    {
        var summary = new JsonObject { ["id"] = interaction.Id.ToString(), ["type"] = interaction.Type };
        var response = new JsonObject { ["interaction"] = summary };
        if (interaction.Original is { } message && type is 4 or 5 or 7)
        {
            summary["response_message_id"] = message.Id.ToString();
            summary["response_message_loading"] = message.IsLoading;
            summary["response_message_ephemeral"] = message.IsEphemeral;
            response["resource"] = new JsonObject { ["type"] = type, ["message"] = MessageJson.Of(message, world) };
        }
        return response;
    }
}
