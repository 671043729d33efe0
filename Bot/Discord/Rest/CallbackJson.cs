using CrossCoaching.Discord.Wire;

namespace CrossCoaching.Discord.Rest;

/// <summary>
/// <see cref="InteractionCallback"/> → the callback body
/// (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object).
/// </summary>
internal static class CallbackJson
{
    /// <summary>Discord shows at most 25 autocomplete choices and refuses more.</summary>
    public const int MaxChoices = 25;

    private const int LabelType = 18;
    private const int TextInputType = 4;

    public static RestCallback ToWire(InteractionCallback callback) => new((int)callback.Type, Data(callback));

    private static object? Data(InteractionCallback callback) => callback.Type switch
    {
        InteractionCallbackType.ChannelMessageWithSource => MessageJson.ToWire(Require(callback.Message, callback), callback.Ephemeral),
        InteractionCallbackType.UpdateMessage => MessageJson.ToWire(Require(callback.Message, callback), edit: true),
        // The only flag a deferral may carry, and the only moment to choose an ephemeral answer.
        InteractionCallbackType.DeferredChannelMessageWithSource => callback.Ephemeral ? new RestDeferData(MessageJson.EphemeralFlag) : null,
        InteractionCallbackType.AutocompleteResult => new RestAutocompleteData(
            [.. (callback.Choices ?? []).Take(MaxChoices).Select(c => new RestAutocompleteChoice(c.Name, c.Value))]),
        InteractionCallbackType.Modal => Modal(callback.Modal ?? throw new ArgumentException("A modal callback needs a modal.", nameof(callback))),
        _ => null,
    };

    /// <summary>
    /// Each text input is wrapped in a Label (type 18), Discord's current modal layout; the label text moved there from
    /// the text input (https://discord.com/developers/docs/components/reference#label).
    /// </summary>
    private static RestModalData Modal(Modal modal) => new(
        modal.CustomId,
        modal.Title,
        [.. modal.Inputs.Select(input => new RestComponent(
            LabelType,
            Label: input.Label,
            Component: new RestComponent(
                TextInputType,
                Style: (int)input.Style,
                CustomId: input.CustomId,
                MinLength: input.MinLength,
                MaxLength: input.MaxLength,
                Required: input.Required,
                Value: input.Value,
                Placeholder: input.Placeholder)))]);

    private static MessageSpec Require(MessageSpec? message, InteractionCallback callback) =>
        message ?? throw new ArgumentException($"A {callback.Type} callback needs a message.", nameof(callback));
}
