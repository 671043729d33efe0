namespace CrossCoaching.Discord;

/// <summary>Interaction callback types (https://discord.com/developers/docs/interactions/receiving-and-responding).</summary>
public enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    AutocompleteResult = 8,
    Modal = 9,
}

/// <summary>The initial answer to an interaction. Build it with the factory methods.</summary>
public sealed record InteractionCallback(
    InteractionCallbackType Type,
    MessageSpec? Message = null,
    bool Ephemeral = false,
    IReadOnlyList<AutocompleteChoice>? Choices = null,
    Modal? Modal = null)
{
    public static InteractionCallback Pong() => new(InteractionCallbackType.Pong);

    public static InteractionCallback Reply(MessageSpec message, bool ephemeral) =>
        new(InteractionCallbackType.ChannelMessageWithSource, message, ephemeral);

    public static InteractionCallback Defer(bool ephemeral) => new(InteractionCallbackType.DeferredChannelMessageWithSource, Ephemeral: ephemeral);

    public static InteractionCallback DeferUpdate() => new(InteractionCallbackType.DeferredUpdateMessage);

    public static InteractionCallback Update(MessageSpec message) => new(InteractionCallbackType.UpdateMessage, message);

    public static InteractionCallback Autocomplete(IReadOnlyList<AutocompleteChoice> choices) =>
        new(InteractionCallbackType.AutocompleteResult, Choices: choices);

    public static InteractionCallback ShowModal(Modal modal) => new(InteractionCallbackType.Modal, Modal: modal);
}
