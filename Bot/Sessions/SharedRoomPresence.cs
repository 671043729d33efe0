using CrossCoaching.Storage;

namespace CrossCoaching.Sessions;

/// <summary>
/// Who is in a session's room, for an instance that does not hold the guild's shard and so sees none of its voice
/// states: the attendance the shard's instance records as they arrive, the same record the session's outcome is
/// decided from. Trusted only while another instance is alive to record it (its row in <c>instances</c>): with none,
/// nobody is watching the room, and the room is not surely empty.
/// </summary>
public sealed class SharedRoomPresence(IRoomPresenceStore store, InstanceIdentity instance, TimeProvider time)
{
    public async Task<bool> SurelyEmptyAsync(long sessionId, CancellationToken cancellationToken = default)
    {
        if (!store.Shared)
            return false; // one process, which holds every shard: its own cache answers
        return await store.EmptyWhileWatchedAsync(sessionId, instance.Id, time.GetUtcNow() - InstanceHeartbeat.DeadAfter, cancellationToken);
    }
}
