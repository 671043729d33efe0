namespace CrossCoaching.Discord;

/// <summary>Whether this instance's gateway shards are connected, for the readiness check.</summary>
public interface IGatewayStatus
{
    IReadOnlyList<ShardStatus> Shards { get; }

    /// <summary>Whether this instance knows which shards it runs (with leases: after its first pass); not ready before.</summary>
    bool Settled => true;
}

/// <summary>A shard is connected from READY or RESUMED until its connection ends.</summary>
public sealed record ShardStatus(int Id, bool Connected);
