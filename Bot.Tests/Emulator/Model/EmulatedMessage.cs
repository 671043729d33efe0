using System.Text.Json.Nodes;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>A file uploaded with a message (multipart <c>files[n]</c>).</summary>
public sealed record EmulatedAttachment(Snowflake Id, string FileName, string? ContentType, byte[] Content, string? Description);

/// <summary>One edit of a message, as the bot sent it.</summary>
public sealed record MessageEdit(DateTimeOffset At, JsonObject Body);

/// <summary>Where a message came from.</summary>
public enum MessageSource
{
    /// <summary><c>POST /channels/{id}/messages</c>.</summary>
    ChannelMessage,

    /// <summary>The reply of an interaction callback (type 4, or the loading message of type 5).</summary>
    InteractionResponse,

    /// <summary><c>POST /webhooks/{app}/{token}</c>.</summary>
    Followup,
}

/// <summary>
/// A message the bot sent, as recorded by the emulator: what it says, and whom it actually pinged once Discord's
/// allowed_mentions rules are applied (https://discord.com/developers/docs/resources/message#allowed-mentions-object).
/// </summary>
public sealed class EmulatedMessage(Snowflake id, Snowflake channelId, Snowflake? guildId, Snowflake authorId, MessageSource source, DateTimeOffset createdAt)
{
    public Snowflake Id { get; } = id;

    public Snowflake ChannelId { get; } = channelId;

    public Snowflake? GuildId { get; } = guildId;

    public Snowflake AuthorId { get; } = authorId;

    public MessageSource Source { get; } = source;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string Content { get; internal set; } = "";

    public JsonArray Components { get; internal set; } = [];

    public JsonArray Embeds { get; internal set; } = [];

    /// <summary>The allowed_mentions object as sent, or null when the request had none.</summary>
    public JsonNode? AllowedMentions { get; internal set; }

    public IReadOnlyList<EmulatedAttachment> Attachments { get; internal set; } = [];

    /// <summary>Users mentioned in the content (<c>&lt;@id&gt;</c>), pinged or not.</summary>
    public IReadOnlyList<Snowflake> MentionedUserIds { get; internal set; } = [];

    /// <summary>Users this message notified: mentions filtered by allowed_mentions, visibility and ephemerality.</summary>
    public IReadOnlyList<Snowflake> PingedUserIds { get; internal set; } = [];

    public int Flags { get; internal set; }

    /// <summary>The nonce the message was created with (string or integer, kept as its text), for <c>enforce_nonce</c>.</summary>
    public string? Nonce { get; internal set; }

    public bool IsEphemeral => (Flags & 64) != 0;

    /// <summary>A deferred response still showing "thinking…" (flag LOADING, 1&lt;&lt;7).</summary>
    public bool IsLoading => (Flags & 128) != 0;

    public Snowflake? InteractionId { get; init; }

    public DateTimeOffset? EditedAt { get; internal set; }

    public DateTimeOffset? DeletedAt { get; internal set; }

    private readonly List<MessageEdit> edits = [];

    public IReadOnlyList<MessageEdit> Edits
    {
        get
        {
            lock (edits)
                return edits.ToArray();
        }
    }

    internal void AddEdit(MessageEdit edit)
    {
        lock (edits)
            edits.Add(edit);
    }

    /// <summary>Every custom_id of the buttons and selects on this message.</summary>
    public IEnumerable<string> CustomIds =>
        Components.SelectMany(Flatten).Select(c => c?["custom_id"]?.GetValue<string>()).OfType<string>();

    internal static IEnumerable<JsonNode?> Flatten(JsonNode? component)
    {
        yield return component;
        foreach (var key in new[] { "components", "component", "accessory" })
        {
            switch ((component as JsonObject)?[key])
            {
                case JsonArray children:
                    foreach (var nested in children.SelectMany(Flatten))
                        yield return nested;
                    break;
                case JsonObject child:
                    foreach (var nested in Flatten(child))
                        yield return nested;
                    break;
            }
        }
    }

    public override string ToString() => $"message {Id} in {ChannelId}: {Content}";
}
