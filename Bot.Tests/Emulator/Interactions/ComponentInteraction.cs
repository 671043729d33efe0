using System.Text.Json.Nodes;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// A user pressing a button on one of the bot's messages, or submitting a modal the bot showed. Refused (with an
/// exception) when a real client could not do it: unknown or disabled button, a channel the user cannot see, someone
/// else's ephemeral message, a missing required field or a value outside the input's length limits.
/// </summary>
internal static class ComponentInteraction
{
    public static InteractionHandle Press(World world, Snowflake channelId, Snowflake messageId, string customId, Snowflake userId, string? locale)
    {
        var channel = world.Channel(channelId);
        if (!world.Messages.TryGetValue(messageId, out var message) || message.ChannelId != channelId || message.DeletedAt is not null)
            throw new InvalidOperationException($"There is no live message {messageId} in {channel}.");
        var button = message.Components.SelectMany(EmulatedMessage.Flatten).OfType<JsonObject>()
            .FirstOrDefault(c => JsonRead.Int(c["type"]) == 2 && JsonRead.Str(c["custom_id"]) == customId)
            ?? throw new InvalidOperationException($"Message {messageId} has no button '{customId}' (it has: {string.Join(", ", message.CustomIds)}).");
        if (JsonRead.Bool(button["disabled"]) == true)
            throw new InvalidOperationException($"Button '{customId}' is disabled.");
        var user = world.User(userId);
        CheckCanSee(world, channel, message, user);
        var payload = InteractionPayloads.Base(world, 3, channel, user, locale);
        payload["data"] = new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 };
        payload["message"] = MessageJson.Of(message, world);
        return InteractionPayloads.Dispatch(world, payload, channel, userId, message);
    }

    private static void CheckCanSee(World world, EmulatedChannel channel, EmulatedMessage message, EmulatedUser user)
    {
        if (channel.GuildId is { } guildId)
        {
            if ((World.PermissionsOf(world.Guilds[guildId], user.Id, channel) & Perms.ViewChannel) == 0)
                throw new InvalidOperationException($"{user} cannot see {channel}.");
        }
        else if (channel.RecipientId != user.Id)
        {
            throw new InvalidOperationException($"{user} is not the recipient of DM channel {channel.Id}.");
        }
        if (message.IsEphemeral && message.InteractionId is { } origin && world.Interactions.TryGetValue(origin, out var first) && first.UserId != user.Id)
            throw new InvalidOperationException($"Message {message.Id} is ephemeral: only user {first.UserId} sees it.");
    }

    public static InteractionHandle Submit(World world, InteractionHandle shownOn, IReadOnlyDictionary<string, string> values, Snowflake? userId, string? locale)
    {
        var modal = shownOn.Modal ?? throw new InvalidOperationException($"Interaction {shownOn.Id} was not answered with a modal (callback type 9).");
        var user = world.User(userId ?? shownOn.UserId);
        var submitted = ModalSubmission.Components(modal, values);
        var payload = InteractionPayloads.Base(world, 5, shownOn.Channel, user, locale);
        payload["data"] = new JsonObject { ["custom_id"] = modal["custom_id"]!.DeepClone(), ["components"] = submitted };
        if (shownOn.SourceMessage is { } source)
            payload["message"] = MessageJson.Of(source, world);
        return InteractionPayloads.Dispatch(world, payload, shownOn.Channel, user.Id, shownOn.SourceMessage);
    }
}
