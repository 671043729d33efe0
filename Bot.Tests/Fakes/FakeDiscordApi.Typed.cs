using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;

namespace CrossCoaching.Tests.Fakes;

/// <summary>
/// What the bot asked of Discord and how Discord answers, typed: the casts from the recorded arguments live here
/// once, so a test reads <c>api.MessagesSent</c> instead of <c>(MessageSpec)call.Args[1]!</c>.
/// </summary>
public sealed partial class FakeDiscordApi
{
    // ---- what was asked, in order ----

    public IEnumerable<InteractionCallback> Callbacks => Of(nameof(CreateInteractionResponseAsync), a => (InteractionCallback)a[2]!);

    /// <summary>The edits of an interaction's original answer (after a deferral).</summary>
    public IReadOnlyList<MessageSpec> OriginalEdits => Of(nameof(EditOriginalResponseAsync), a => (MessageSpec)a[2]!);

    public IReadOnlyList<(MessageSpec Message, bool Ephemeral)> Followups =>
        Of(nameof(CreateFollowupAsync), a => ((MessageSpec)a[2]!, (bool)a[3]!));

    public IReadOnlyList<(Snowflake Channel, MessageSpec Message)> MessagesSent =>
        Of(nameof(CreateMessageAsync), a => ((Snowflake)a[0]!, (MessageSpec)a[1]!));

    public IReadOnlyList<(Snowflake Channel, Snowflake Message, MessageSpec Edit)> MessagesEdited =>
        Of(nameof(EditMessageAsync), a => ((Snowflake)a[0]!, (Snowflake)a[1]!, (MessageSpec)a[2]!));

    public IReadOnlyList<(Snowflake Application, Snowflake? Guild, IReadOnlyList<CommandDefinition> Commands)> CommandOverwrites =>
        Of(nameof(BulkOverwriteCommandsAsync), a => ((Snowflake)a[0]!, (Snowflake?)a[1], (IReadOnlyList<CommandDefinition>)a[2]!));

    /// <summary>The messages sent before the first call of <paramref name="method"/>: what came first.</summary>
    public IReadOnlyList<(Snowflake Channel, MessageSpec Message)> MessagesSentBefore(string method) =>
        [.. Calls.TakeWhile(c => c.Method != method).Where(c => c.Method == nameof(CreateMessageAsync)).Select(c => ((Snowflake)c.Args[0]!, (MessageSpec)c.Args[1]!))];

    /// <summary>Messages sent to a channel (a DM channel, a room, the pair's channel), in order.</summary>
    public IReadOnlyList<MessageSpec> MessagesIn(Snowflake channel) => [.. MessagesSent.Where(m => m.Channel == channel).Select(m => m.Message)];

    public IReadOnlyList<NewChannel> ChannelsCreated() => Of(nameof(CreateChannelAsync), a => (NewChannel)a[1]!);

    /// <summary>The users the bot opened a DM channel with, in order.</summary>
    public IReadOnlyList<Snowflake> DmsOpened => Of(nameof(CreateDmAsync), a => (Snowflake)a[0]!);

    /// <summary>The guilds whose channels the bot listed by REST, in order.</summary>
    public IReadOnlyList<Snowflake> ChannelListings => Of(nameof(GetGuildChannelsAsync), a => (Snowflake)a[0]!);

    public IReadOnlyList<Snowflake> ChannelsDeleted() => Of(nameof(DeleteChannelAsync), a => (Snowflake)a[0]!);

    /// <summary>The text of the last answer to an interaction: its callback, the edit that filled it, or a follow-up.</summary>
    public string LastReplyText()
    {
        var call = Calls.Last(c => c.Method is nameof(CreateInteractionResponseAsync) or nameof(EditOriginalResponseAsync) or nameof(CreateFollowupAsync));
        return call.Method == nameof(CreateInteractionResponseAsync)
            ? ((InteractionCallback)call.Args[2]!).Message?.Content ?? ""
            : ((MessageSpec)call.Args[2]!).Content ?? "";
    }

    private List<T> Of<T>(string method, Func<object?[], T> read) => [.. Calls.Where(c => c.Method == method).Select(c => read(c.Args))];

    // ---- how Discord answers (a handler may throw, as Discord refuses) ----

    public FakeDiscordApi OnCreateMessage(Func<Snowflake, MessageSpec, Message> answer) =>
        On(nameof(CreateMessageAsync), a => answer((Snowflake)a[0]!, (MessageSpec)a[1]!));

    public FakeDiscordApi OnEditMessage(Func<Snowflake, Snowflake, MessageSpec, Message> answer) =>
        On(nameof(EditMessageAsync), a => answer((Snowflake)a[0]!, (Snowflake)a[1]!, (MessageSpec)a[2]!));

    public FakeDiscordApi OnCreateDm(Func<Snowflake, Channel> answer) => On(nameof(CreateDmAsync), a => answer((Snowflake)a[0]!));

    public FakeDiscordApi OnCreateChannel(Func<Snowflake, NewChannel, Channel> answer) =>
        On(nameof(CreateChannelAsync), a => answer((Snowflake)a[0]!, (NewChannel)a[1]!));

    public FakeDiscordApi OnGetGuildChannels(Func<Snowflake, IReadOnlyList<Channel>> answer) =>
        On(nameof(GetGuildChannelsAsync), a => answer((Snowflake)a[0]!));

    public FakeDiscordApi OnGetGuildMember(Func<Snowflake, Snowflake, GuildMember> answer) =>
        On(nameof(GetGuildMemberAsync), a => answer((Snowflake)a[0]!, (Snowflake)a[1]!));

    /// <summary>Command registration: <paramref name="answer"/> sees the application, the guild (null: global) and the commands.</summary>
    public FakeDiscordApi OnBulkOverwriteCommands(Action<Snowflake, Snowflake?, IReadOnlyList<CommandDefinition>> answer) =>
        On(nameof(BulkOverwriteCommandsAsync), a =>
        {
            answer((Snowflake)a[0]!, (Snowflake?)a[1], (IReadOnlyList<CommandDefinition>)a[2]!);
            return null;
        });
}
