namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// Where instances sharing one database agree on who connects each shard (leases) and who may IDENTIFY next in each
/// <c>max_concurrency</c> bucket. Every change is one conditional statement, so two instances racing for the same
/// row cannot both win.
/// </summary>
public interface IShardLeaseStore
{
    /// <summary>Whether several instances may share the database (PostgreSQL): shards are then leased.</summary>
    bool Shared { get; }

    /// <summary>Records that <paramref name="owner"/> is alive; returns how many instances were seen since <paramref name="liveSince"/>.</summary>
    Task<int> CheckInAsync(string owner, DateTimeOffset now, DateTimeOffset liveSince, CancellationToken cancellationToken = default);

    /// <summary>Extends a lease the owner still holds and that has not expired; false when it is lost.</summary>
    Task<bool> RenewAsync(int shardId, string owner, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>The shards of <paramref name="shardCount"/> nobody holds now (never leased, released or expired), lowest first.</summary>
    Task<IReadOnlyList<int>> FreeAsync(int shardCount, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Takes a free or expired lease; false when another instance holds it.</summary>
    Task<bool> TryTakeAsync(int shardId, int shardCount, string owner, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Gives a lease back at once (its connection is closed already), so another instance may take it.</summary>
    Task ReleaseAsync(int shardId, string owner, CancellationToken cancellationToken = default);

    /// <summary>A clean stop: every lease of the owner is given back and the owner no longer counts as alive.</summary>
    Task LeaveAsync(string owner, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the IDENTIFY bucket until <paramref name="until"/> when it is free at <paramref name="now"/>; returns null
    /// when claimed, else when the current claim ends.
    /// </summary>
    Task<DateTimeOffset?> TryClaimIdentifyAsync(int bucket, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken = default);
}
