using System.Text.Json.Nodes;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>The accepted first answer to an interaction.</summary>
public sealed record InteractionCallbackRecord(int Type, JsonObject? Data, DateTimeOffset At, TimeSpan Elapsed)
{
    public int Flags => JsonRead.Int(Data?["flags"]) ?? 0;

    public bool Ephemeral => (Flags & 64) != 0;

    public string? Content => JsonRead.Str(Data?["content"]);

    public JsonArray? Components => Data?["components"] as JsonArray;

    public JsonArray? Embeds => Data?["embeds"] as JsonArray;

    public JsonNode? AllowedMentions => Data?["allowed_mentions"];

    /// <summary>Autocomplete choices (type 8).</summary>
    public JsonArray? Choices => Data?["choices"] as JsonArray;

    /// <summary>The modal's custom_id (type 9).</summary>
    public string? ModalCustomId => Type == 9 ? JsonRead.Str(Data?["custom_id"]) : null;

    public string? ModalTitle => Type == 9 ? JsonRead.Str(Data?["title"]) : null;
}

/// <summary>A refused call on an interaction (too late, twice, or invalid), for tests to assert there were none.</summary>
public sealed record RejectedInteractionCall(DateTimeOffset At, string Route, int Status, int Code);

/// <summary>
/// An interaction the emulator dispatched: its payload, the bot's callback (awaitable), and what the bot did with the
/// token afterwards (edits of @original, followups). Thread-safe to read from tests.
/// </summary>
public sealed class InteractionHandle
{
    private readonly World world;
    private readonly List<RejectedInteractionCall> rejections = [];
    private readonly List<EmulatedMessage> followups = [];
    private readonly List<MessageEdit> originalEdits = [];

    internal InteractionHandle(World world, JsonObject payload, EmulatedChannel channel, Snowflake userId, EmulatedMessage? sourceMessage)
    {
        this.world = world;
        Payload = payload;
        Channel = channel;
        UserId = userId;
        SourceMessage = sourceMessage;
        Id = JsonRead.Id(payload["id"])!.Value;
        Token = JsonRead.Str(payload["token"])!;
        Type = JsonRead.Int(payload["type"])!.Value;
        DispatchedAt = world.Now;
    }

    public Snowflake Id { get; }

    public string Token { get; }

    /// <summary>2 command, 3 component, 4 autocomplete, 5 modal submit.</summary>
    public int Type { get; }

    /// <summary>The INTERACTION_CREATE data as dispatched.</summary>
    public JsonObject Payload { get; }

    public Snowflake ChannelId => Channel.Id;

    public Snowflake? GuildId => Channel.GuildId;

    public Snowflake UserId { get; }

    public DateTimeOffset DispatchedAt { get; }

    internal EmulatedChannel Channel { get; }

    /// <summary>The message whose component was used (component interactions, and modals opened from one).</summary>
    internal EmulatedMessage? SourceMessage { get; }

    internal int FocusedOptionType { get; init; } = 3;

    public InteractionCallbackRecord? Callback { get; internal set; }

    /// <summary>The message @original designates now: the reply (types 4/5) or the component's message (6/7).</summary>
    public EmulatedMessage? Original { get; internal set; }

    public IReadOnlyList<RejectedInteractionCall> Rejections => Snapshot(rejections);

    public IReadOnlyList<EmulatedMessage> Followups => Snapshot(followups);

    /// <summary>PATCHes of @original, in order.</summary>
    public IReadOnlyList<MessageEdit> OriginalEdits => Snapshot(originalEdits);

    /// <summary>The modal the bot showed (callback type 9), as sent.</summary>
    public JsonObject? Modal => Callback?.Type == 9 ? Callback.Data : null;

    public Task<InteractionCallbackRecord> WaitForCallbackAsync(TimeSpan? timeout = null) =>
        world.Changed.WaitAsync(() => Callback, timeout, $"a callback to interaction {Id}");

    public Task<MessageEdit> WaitForOriginalEditAsync(int count = 1, TimeSpan? timeout = null) =>
        world.Changed.WaitAsync(() => OriginalEdits.Skip(count - 1).FirstOrDefault(), timeout, $"edit {count} of @original of interaction {Id}");

    public Task<EmulatedMessage> WaitForFollowupAsync(int count = 1, TimeSpan? timeout = null) =>
        world.Changed.WaitAsync(() => Followups.Skip(count - 1).FirstOrDefault(), timeout, $"followup {count} of interaction {Id}");

    internal void Reject(string route, DiscordError error) =>
        rejections.Add(new RejectedInteractionCall(world.Now, route, error.Status, error.Code));

    internal void AddFollowup(EmulatedMessage message) => followups.Add(message);

    internal void AddOriginalEdit(MessageEdit edit) => originalEdits.Add(edit);

    internal bool TokenExpired => world.Now - DispatchedAt > world.Options.InteractionTokenLifetime;

    private IReadOnlyList<T> Snapshot<T>(List<T> list)
    {
        lock (world.Sync)
            return list.ToArray();
    }
}
