using CrossCoaching.Discord;
using CrossCoaching.Messaging;
using CrossCoaching.Pairs;

namespace CrossCoaching.Sessions;

/// <summary>A session's messages to its partners, owed once per session, kind and partner, and sent through the outbox.</summary>
public sealed class SessionNotifier(Outbox outbox)
{
    /// <summary>Both partners, by DM; never posted in public when their DMs are closed.</summary>
    public Task ToBothOnceAsync(Session session, Pair pair, string kind, Func<Snowflake, MessageSpec> message, CancellationToken cancellationToken = default) =>
        outbox.EnqueueAsync(ToBoth(session, pair, kind, message), cancellationToken);

    public static IEnumerable<Letter> ToBoth(Session session, Pair pair, string kind, Func<Snowflake, MessageSpec> message) =>
        [.. pair.Members.Select(member => Letter.ToPartner(session, kind, member, message(member)))];
}
