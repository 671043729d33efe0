namespace CrossCoaching.Discord.Members;

/// <summary>
/// Whether users are members of a guild, answered from what Discord told the bot lately (interactions, voice states,
/// member chunks) or by asking the gateway (Request Guild Members, op 8), which costs none of the 50 REST requests a
/// second. Without the privileged members intent the bot hears of no departure, so an answer is only as good as it is
/// recent: older than <see cref="MemberSightings.Fresh"/>, it is asked again.
/// </summary>
public interface IMemberDirectory
{
    /// <summary>
    /// True (a member), false (Discord said not found) or null (no answer in time: ask by REST) for each of
    /// <paramref name="users"/>. <paramref name="alsoAsk"/> rides along in the same request when one is sent (members
    /// about to be needed), so that a burst of sessions in one guild costs one request, not one per session.
    /// </summary>
    Task<IReadOnlyDictionary<Snowflake, bool?>> CheckAsync(Snowflake guildId, IReadOnlyCollection<Snowflake> users,
        IReadOnlyCollection<Snowflake> alsoAsk, CancellationToken cancellationToken = default);
}
