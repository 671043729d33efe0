using CrossCoaching.Discord;
using CrossCoaching.Localization;
using CrossCoaching.Pairs;
using CrossCoaching.Sessions;

namespace CrossCoaching.Messaging;

public enum LetterTarget
{
    /// <summary>A direct message to <see cref="Letter.User"/>.</summary>
    Dm,

    /// <summary>A new message in <see cref="Letter.Channel"/>.</summary>
    Channel,

    /// <summary>An edit of <see cref="Letter.Message"/> in <see cref="Letter.Channel"/>.</summary>
    Edit,
}

/// <summary>
/// One message the bot owes. <see cref="Key"/> makes it owed once: a second enqueue with the same key does nothing,
/// however many times the step that owes it runs. The rest says when it stops making sense.
/// </summary>
public sealed record Letter(string Key, string Kind, LetterTarget Target, MessageSpec Spec)
{
    public Snowflake? User { get; init; }

    public Snowflake? Channel { get; init; }

    public Snowflake? Message { get; init; }

    /// <summary>The session it belongs to; once sent it is noted in <c>session_notices</c> as before (user 0: the room).</summary>
    public long? SessionId { get; init; }

    public Snowflake? NoticeUser { get; init; }

    /// <summary>Obsolete from then on, dropped unsent (a reminder at its slot).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Obsolete once its session is over (a welcome, a time-box warning): never posted in a closed room.</summary>
    public bool UntilSessionEnds { get; init; }

    /// <summary>Reminders only: a bare mention where the pair formed, when the member's DMs are closed.</summary>
    public Snowflake? FallbackChannel { get; init; }

    public MessageSpec? FallbackSpec { get; init; }

    /// <summary>
    /// Edits only: a newer edit of the same message replaces this one, pending or done, so one row per message holds
    /// the newest content and edits can never land out of order.
    /// </summary>
    public bool Replaces { get; init; }

    /// <summary>Edits are keyed by the message they change: the post's key and this suffix.</summary>
    public const string EditSuffix = ":edit";

    public static Letter Dm(string key, string kind, Snowflake user, MessageSpec spec) =>
        new(key, kind, LetterTarget.Dm, spec with { Mentions = AllowedMentions.None }) { User = user };

    public static Letter InChannel(string key, string kind, Snowflake channel, MessageSpec spec) =>
        new(key, kind, LetterTarget.Channel, spec) { Channel = channel };

    public static Letter Edit(string key, string kind, Snowflake channel, Snowflake message, MessageSpec spec) =>
        new(key, kind, LetterTarget.Edit, spec) { Channel = channel, Message = message };

    /// <summary>
    /// The newest content of a message known by the key that posted it, or by its id when known already. While the post
    /// is still in the outbox the edit waits for it, then takes the id the post recorded; a post never sent drops it.
    /// </summary>
    public static Letter EditOf(string postKey, string kind, Snowflake? channel, Snowflake? message, MessageSpec spec) =>
        new(postKey + EditSuffix, kind, LetterTarget.Edit, spec) { Channel = channel, Message = message, Replaces = true };

    /// <summary>A session's message to one partner, once per session, kind and partner.</summary>
    public static Letter ToPartner(Session session, string kind, Snowflake user, MessageSpec spec) =>
        Dm(PartnerKey(session, kind, user), kind, user, spec) with { SessionId = session.Id, NoticeUser = user };

    public static string PartnerKey(Session session, string kind, Snowflake user) => $"session:{session.Id}:{kind}:{user}";

    /// <summary>A message in the session's room, once per session and kind, never after the session ended.</summary>
    public static Letter InRoom(Session session, Snowflake room, string kind, MessageSpec spec) =>
        InChannel($"session:{session.Id}:{kind}:room", kind, room, spec) with
        {
            SessionId = session.Id,
            NoticeUser = NoticeRepository.Room,
            UntilSessionEnds = true,
        };

    /// <summary>
    /// The one message allowed in public when DMs are closed: who is meant and a neutral line, nothing of the
    /// reminder itself (not the partner, not the time).
    /// </summary>
    public Letter WithMentionFallback(Pair pair, Lang lang) => User is { } user && pair.HomeChannelId is { } home
        ? this with { FallbackChannel = home, FallbackSpec = new MessageSpec(MessagingTexts.DmsClosed.Format(lang, $"<@{user}>"), AllowedMentions.Only(user)) }
        : this;

    /// <summary>Everyone it is sent to or names by mention: forgetting one of them drops it.</summary>
    public IEnumerable<Snowflake> Concerns() =>
        new[] { User }.OfType<Snowflake>().Concat(Spec.Mentions.Users).Concat(FallbackSpec?.Mentions.Users ?? []).Distinct();
}
