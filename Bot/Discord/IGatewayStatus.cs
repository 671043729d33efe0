namespace CrossCoaching.Discord;

/// <summary>Whether this instance's gateway shards are connected, for the readiness check.</summary>
public interface IGatewayStatus
{
    IReadOnlyList<ShardStatus> Shards { get; }
}

/// <summary>A shard is connected from READY or RESUMED until its connection ends.</summary>
public sealed record ShardStatus(int Id, bool Connected);
