using CrossCoaching.Localization;

namespace CrossCoaching.Discord.Interactions;

/// <summary>
/// One interaction being handled, and the only way to answer it. It tracks whether the interaction was acknowledged,
/// so a handler just says what to show: the first answer becomes the callback, later ones edit or follow up.
/// Safe to use from the handler and the router's deadline timer at once.
/// </summary>
public sealed partial class InteractionContext(Interaction interaction, IDiscordApi api, DateTimeOffset receivedAt) : IDisposable
{
    private enum Ack { None, Replied, Deferred, DeferredUpdate, Updated, Modal, Autocompleted }

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Ack _ack = Ack.None;

    public Interaction Interaction { get; } = interaction;

    /// <summary>The invoker's language, from the interaction's locale.</summary>
    public Lang Lang { get; } = LangExtensions.FromLocale(interaction.Locale);

    /// <summary>When the gateway delivered the interaction, on the Discord clock.</summary>
    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    public bool IsAcknowledged => _ack != Ack.None;

    /// <summary>The guild the interaction came from; refuses (ephemerally) when used in a DM.</summary>
    public Snowflake GuildId => Interaction.GuildId ?? throw new UserErrorException(CommonTexts.GuildOnly[Lang]);

    public string Text(LocalizedText text, params object?[] args) => text.Format(Lang, args);

    /// <summary>Answers with a message: the callback if none was sent, else fills a deferral, else a followup.</summary>
    public Task ReplyAsync(MessageSpec message, bool ephemeral = true, CancellationToken cancellationToken = default) =>
        WithGateAsync(async () =>
        {
            switch (_ack)
            {
                case Ack.None:
                    _ack = await CallbackAsync(InteractionCallback.Reply(message, ephemeral), Ack.Replied, cancellationToken);
                    break;
                case Ack.Deferred:
                    await FillDeferralAsync(message, ephemeral, cancellationToken);
                    break;
                default:
                    await api.CreateFollowupAsync(Interaction.ApplicationId, Interaction.Token, message, ephemeral, cancellationToken);
                    break;
            }
        });

    /// <summary>
    /// Answers with a message and returns it (its id, to edit it later when the interaction token has expired): a
    /// deferral filled by an edit of the original response, or a followup.
    /// </summary>
    public async Task<Message> PostAsync(MessageSpec message, bool ephemeral, CancellationToken cancellationToken = default)
    {
        Message? posted = null;
        await WithGateAsync(async () =>
        {
            if (_ack == Ack.None)
                await DeferOnceAsync(ephemeral, cancellationToken);
            posted = _ack == Ack.Deferred
                ? await FillDeferralAsync(message, ephemeral, cancellationToken)
                : await api.CreateFollowupAsync(Interaction.ApplicationId, Interaction.Token, message, ephemeral, cancellationToken);
        });
        return posted!;
    }

    /// <summary>A plain text answer that pings nobody.</summary>
    public Task ReplyAsync(string text, bool ephemeral = true, CancellationToken cancellationToken = default) =>
        ReplyAsync(MessageSpec.Text(text), ephemeral, cancellationToken);

    public Task DeferAsync(bool ephemeral = true, CancellationToken cancellationToken = default) =>
        WithGateAsync(async () =>
        {
            if (_ack == Ack.None)
                await DeferOnceAsync(ephemeral, cancellationToken);
        });

    /// <summary>Replaces the message the pressed button sits on.</summary>
    public Task UpdateMessageAsync(MessageSpec message, CancellationToken cancellationToken = default) =>
        WithGateAsync(async () => _ack = _ack == Ack.None
            ? await CallbackAsync(InteractionCallback.Update(message), Ack.Updated, cancellationToken)
            : await EditOriginalAsync(message, Ack.Updated, cancellationToken));

    public Task DeferUpdateAsync(CancellationToken cancellationToken = default) =>
        WithGateAsync(async () =>
        {
            if (_ack == Ack.None)
                _ack = await CallbackAsync(InteractionCallback.DeferUpdate(), Ack.DeferredUpdate, cancellationToken);
        });

    /// <summary>Opens a modal; only possible as the first answer, so handlers that open one do it at once.</summary>
    public Task ShowModalAsync(Modal modal, CancellationToken cancellationToken = default) =>
        WithGateAsync(async () =>
        {
            if (_ack != Ack.None)
                throw new InvalidOperationException("A modal can only be the first answer to an interaction.");
            _ack = await CallbackAsync(InteractionCallback.ShowModal(modal), Ack.Modal, cancellationToken);
        });

    public Task AutocompleteAsync(IReadOnlyList<AutocompleteChoice> choices, CancellationToken cancellationToken = default) =>
        WithGateAsync(async () =>
        {
            if (_ack == Ack.None)
                _ack = await CallbackAsync(InteractionCallback.Autocomplete([.. choices.Take(25)]), Ack.Autocompleted, cancellationToken);
        });

    /// <summary>Called by the router when the handler is slow: keeps the interaction alive past Discord's 3 seconds.</summary>
    internal Task DeferIfSilentAsync(bool ephemeral, CancellationToken cancellationToken) =>
        WithGateAsync(async () =>
        {
            if (_ack != Ack.None || Interaction.Type == InteractionType.Autocomplete)
                return;
            if (Interaction.Type == InteractionType.MessageComponent)
                _ack = await CallbackAsync(InteractionCallback.DeferUpdate(), Ack.DeferredUpdate, cancellationToken);
            else
                await DeferOnceAsync(ephemeral, cancellationToken);
        });

    private async Task<Ack> CallbackAsync(InteractionCallback callback, Ack next, CancellationToken cancellationToken)
    {
        try
        {
            await api.CreateInteractionResponseAsync(Interaction.Id, Interaction.Token, callback, cancellationToken);
        }
        catch (DiscordApiException e) when (e.Code == DiscordErrorCode.AlreadyAcknowledged)
        {
            // A retry after a 5xx whose first attempt did reach Discord: the answer is there, carry on from it.
        }

        return next;
    }

    private async Task<Ack> EditOriginalAsync(MessageSpec message, Ack next, CancellationToken cancellationToken)
    {
        await api.EditOriginalResponseAsync(Interaction.ApplicationId, Interaction.Token, message, cancellationToken);
        return next;
    }

    private async Task WithGateAsync(Func<Task> action)
    {
        await _gate.WaitAsync();
        try
        {
            await action();
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
