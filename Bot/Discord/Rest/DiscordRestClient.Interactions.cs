namespace CrossCoaching.Discord.Rest;

/// <summary>The interaction routes: authenticated by the interaction token in the URL, outside the global limit.</summary>
internal sealed partial class DiscordRestClient
{
    public async Task CreateInteractionResponseAsync(
        Snowflake interactionId, string interactionToken, InteractionCallback callback, CancellationToken cancellationToken = default)
    {
        var body = RestContent.For(CallbackJson.ToWire(callback), Json.RestCallback, callback.Message?.Files);
        await executor.SendAsync(new RestRequest(RestRoutes.InteractionCallback(interactionId, interactionToken), body), cancellationToken);
    }

    public Task<Message> EditOriginalResponseAsync(
        Snowflake applicationId, string interactionToken, MessageSpec message, CancellationToken cancellationToken = default) =>
        SendMessageAsync(RestRoutes.EditOriginal(applicationId, interactionToken), message, MessageJson.ToWire(message, edit: true), cancellationToken);

    public async Task DeleteOriginalResponseAsync(Snowflake applicationId, string interactionToken, CancellationToken cancellationToken = default) =>
        await executor.SendAsync(new RestRequest(RestRoutes.DeleteOriginal(applicationId, interactionToken)), cancellationToken);

    public Task<Message> CreateFollowupAsync(
        Snowflake applicationId, string interactionToken, MessageSpec message, bool ephemeral, CancellationToken cancellationToken = default) =>
        SendMessageAsync(RestRoutes.CreateFollowup(applicationId, interactionToken), message, MessageJson.ToWire(message, ephemeral), cancellationToken);
}
