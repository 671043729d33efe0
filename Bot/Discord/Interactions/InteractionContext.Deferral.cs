namespace CrossCoaching.Discord.Interactions;

/// <summary>Deferrals, and answers that fill them.</summary>
public sealed partial class InteractionContext
{
    /// <summary>Whether the deferral (<see cref="Ack.Deferred"/>) was ephemeral: Discord fixes that when it is sent.</summary>
    private bool _deferredEphemeral;

    private async Task DeferOnceAsync(bool ephemeral, CancellationToken cancellationToken)
    {
        _ack = await CallbackAsync(InteractionCallback.Defer(ephemeral), Ack.Deferred, cancellationToken);
        _deferredEphemeral = ephemeral;
    }

    /// <summary>
    /// Puts the answer where the deferral's loading message is. A message's ephemeral state cannot change once sent, so
    /// an ephemeral answer to a public deferral (a refusal after the router's auto-deferral of a public command) would
    /// show everyone an error meant for one person: it replaces the loading message with an ephemeral followup instead.
    /// </summary>
    private async Task<Message> FillDeferralAsync(MessageSpec message, bool ephemeral, CancellationToken cancellationToken)
    {
        Message answer;
        if (ephemeral && !_deferredEphemeral)
        {
            await DeleteOriginalAsync(cancellationToken);
            answer = await api.CreateFollowupAsync(Interaction.ApplicationId, Interaction.Token, message, ephemeral: true, cancellationToken);
        }
        else
        {
            answer = await api.EditOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, message, cancellationToken);
        }

        _ack = Ack.Replied;
        return answer;
    }

    /// <summary>
    /// Only once the loading message is gone may the followup go: while it loads, Discord turns a followup into an edit
    /// of it that keeps it public (https://discord.com/developers/docs/interactions/receiving-and-responding#create-followup-message).
    /// So a failed deletion stops here rather than leak the answer.
    /// </summary>
    private async Task DeleteOriginalAsync(CancellationToken cancellationToken)
    {
        try
        {
            await api.DeleteOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code == DiscordErrorCode.UnknownMessage)
        {
            // Already gone (deleted by hand, or a retry whose first attempt reached Discord): nothing left to leak into.
        }
    }
}
