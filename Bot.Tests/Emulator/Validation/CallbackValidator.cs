using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// Which callback types an interaction accepts, and their data
/// (https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object):
/// 6/7 only for components (and modal submits from a component's message), 8 only and always for autocomplete,
/// 9 not for modal submits, 1 only for PING.
/// </summary>
internal static class CallbackValidator
{
    public static void Check(InteractionHandle interaction, JsonObject body, int fileCount)
    {
        var type = JsonRead.Int(body["type"]);
        if (type is null)
            throw DiscordError.Form("type", "BASE_TYPE_REQUIRED", "This field is required");
        if (!Allowed(interaction, type.Value))
            throw DiscordError.Form("type", "INTERACTION_RESPONSE_TYPE_INVALID", $"Callback type {type} is not valid for an interaction of type {interaction.Type}.");
        var data = body["data"];
        if (data is not null and not JsonObject)
            throw DiscordError.Form("data", "DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType");
        switch (type)
        {
            case 4:
                MessageValidator.Check(data as JsonObject ?? [], "data", MessageValidator.InteractionFlags, creating: true, fileCount);
                break;
            case 5 when JsonRead.Int(data?["flags"]) is { } flags && (flags & ~MessageValidator.Ephemeral) != 0:
                throw DiscordError.Form("data.flags", "MESSAGE_FLAGS_INVALID", "A deferred response may only set EPHEMERAL (64).");
            case 7:
                MessageValidator.Check(data as JsonObject ?? [], "data", MessageValidator.InteractionFlags, creating: false, fileCount);
                break;
            case 8:
                CheckChoices(interaction, data);
                break;
            case 9:
                var errors = new FormErrors();
                ModalValidator.Check(data, "data", errors);
                errors.ThrowIfAny();
                break;
        }
    }

    private static bool Allowed(InteractionHandle interaction, int type) => interaction.Type switch
    {
        2 => type is 4 or 5 or 9,
        3 => type is 4 or 5 or 6 or 7 or 9,
        4 => type is 8,
        5 => type is 4 or 5 || (type is 6 or 7 && interaction.SourceMessage is not null),
        _ => false,
    };

    private static void CheckChoices(InteractionHandle interaction, JsonNode? data)
    {
        var errors = new FormErrors();
        if (data?["choices"] is not JsonArray choices)
        {
            errors.Required("data.choices");
        }
        else
        {
            if (choices.Count > 25)
                errors.MaxLength("data.choices", 25);
            for (var i = 0; i < choices.Count; i++)
                ChoiceValidator.CheckChoice(choices[i], interaction.FocusedOptionType, $"data.choices.{i}", errors);
        }
        errors.ThrowIfAny();
    }
}
