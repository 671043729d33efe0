using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>Users interacting with the bot: slash commands, autocomplete, buttons, modals.</summary>
public sealed partial class DiscordEmulator
{
    /// <summary>A user runs a slash command; see <see cref="CommandCall"/> for subcommands, locale and options.</summary>
    public Task<InteractionHandle> SendCommandAsync(CommandCall call) => Task.FromResult(Locked(() => CommandInteraction.Send(world, call)));

    public Task<InteractionHandle> SendCommandAsync(Snowflake guildId, Snowflake channelId, Snowflake userId, string command, params CommandArg[] options) =>
        SendCommandAsync(new CommandCall(guildId, channelId, userId, command) { Options = options });

    /// <summary>A user types in an autocomplete option: <paramref name="focused"/> names it, <paramref name="partial"/> is the text so far.</summary>
    public Task<InteractionHandle> AutocompleteAsync(CommandCall call, string focused, string partial)
    {
        var options = call.Options.Where(o => o.Name != focused).Append(CommandArg.String(focused, partial)).ToList();
        return SendCommandAsync(call with { Focused = focused, Options = options });
    }

    /// <summary>A user presses a button on one of the bot's messages.</summary>
    public Task<InteractionHandle> PressButtonAsync(Snowflake channelId, Snowflake messageId, string customId, Snowflake userId, string? locale = null) =>
        Task.FromResult(Locked(() => ComponentInteraction.Press(world, channelId, messageId, customId, userId, locale)));

    public Task<InteractionHandle> PressButtonAsync(EmulatedMessage message, string customId, Snowflake userId, string? locale = null) =>
        PressButtonAsync(message.ChannelId, message.Id, customId, userId, locale);

    /// <summary>
    /// A user submits the modal the bot showed in answer to <paramref name="shownOn"/>; <paramref name="values"/> maps
    /// text input custom_ids to what was typed (missing ones keep their prefilled value).
    /// </summary>
    public Task<InteractionHandle> SubmitModalAsync(InteractionHandle shownOn, IReadOnlyDictionary<string, string> values, Snowflake? userId = null, string? locale = null) =>
        Task.FromResult(Locked(() => ComponentInteraction.Submit(world, shownOn, values, userId, locale)));

    public IReadOnlyList<InteractionHandle> Interactions => Locked(() => world.Interactions.Values.OrderBy(i => i.Id).ToList());
}
