namespace CrossCoaching.Discord.Gateway;

/// <summary>One shard of the bot: <c>shard: [Id, Count]</c> in IDENTIFY. Each shard runs its own <see cref="GatewaySession"/>.</summary>
public sealed record GatewayShard(int Id, int Count)
{
    /// <summary>The configured shard, or null when the bot is not sharded (IDENTIFY then carries no shard field).</summary>
    public static GatewayShard? From(DiscordOptions options) =>
        options is { ShardId: { } id, ShardCount: { } count } ? new GatewayShard(id, count) : null;

    /// <summary>Discord's routing rule: <c>shard_id = (guild_id &gt;&gt; 22) % num_shards</c>.</summary>
    public bool Owns(Snowflake guildId) => (int)((guildId.Value >> 22) % (ulong)Count) == Id;
}
