using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>IDENTIFY (op 2): checks it as Discord does, then starts a session with READY and one GUILD_CREATE per guild.</summary>
internal sealed class GatewayIdentify(World world)
{
    private GatewayHub Hub => world.Gateway;

    public void Identify(GatewayConnection connection, JsonNode? data)
    {
        if (connection.Session is not null)
        {
            connection.Close(4005, "Already authenticated.");
            return;
        }
        if (data is not JsonObject d)
        {
            connection.Close(4001, "Invalid payload for IDENTIFY.");
            return;
        }
        var tokenValid = d["token"] is JsonValue t && t.TryGetValue<string>(out var token) && token == world.Options.Token;
        var payload = (JsonObject)d.DeepClone();
        payload.Remove("token");
        var record = new IdentifyRecord(world.Now, connection.Number, payload, tokenValid);
        Hub.Identifies.Add(record);
        if (Refusal(d, tokenValid) is var (code, reason))
        {
            record.Outcome = $"closed {code}";
            connection.Close(code, reason);
            return;
        }
        var interval = world.Options.IdentifyInterval;
        var bucket = Bucket(d);
        if (interval > TimeSpan.Zero && Hub.LastIdentifyByBucket.TryGetValue(bucket, out var last) && world.Now - last < interval
            || Hub.SessionStartsRemaining <= 0)
        {
            // Over max_concurrency (one per bucket shard_id % max_concurrency per 5 s) Discord answers Invalid Session
            // (gateway.mdx "Max Concurrency").
            record.Outcome = "invalid-session";
            connection.Send(GatewayProtocol.Frame(9, false));
            return;
        }
        Start(connection, d, record);
    }

    private (int, string)? Refusal(JsonObject d, bool tokenValid)
    {
        if (!tokenValid)
            return (4004, "Authentication failed.");
        if (d["properties"] is not JsonObject properties || !HasString(properties, "os") || !HasString(properties, "browser") || !HasString(properties, "device"))
            return (4001, "IDENTIFY properties must give os, browser and device.");
        if (d["compress"] is JsonValue c && c.TryGetValue<bool>(out var compress) && compress)
            return (4001, "Payload compression is not emulated; send compress false.");
        if (JsonRead.Long(d["intents"]) is not { } intents || intents < 0 || (intents & ~(long)Intents.Defined) != 0)
            return (4013, "Invalid intent(s).");
        if ((intents & Intents.Privileged & ~world.Options.EnabledPrivilegedIntents) != 0)
            return (4014, "Disallowed intent(s).");
        if (d["shard"] is { } shard && Shard(shard) is null)
            return (4010, "Invalid shard.");
        return null;
    }

    private int Bucket(JsonObject d) => (d["shard"] is { } s && Shard(s) is var (id, _) ? id : 0) % Math.Max(1, Hub.MaxConcurrency);

    private static bool HasString(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out _);

    private static (int Id, int Count)? Shard(JsonNode shard) =>
        shard is JsonArray { Count: 2 } a && JsonRead.Int(a[0]) is { } id
        && JsonRead.Int(a[1]) is { } count && count >= 1 && id >= 0 && id < count
            ? (id, count)
            : null;

    private void Start(GatewayConnection connection, JsonObject d, IdentifyRecord record)
    {
        var intents = d["intents"]!.GetValue<int>();
        var (shardId, shardCount) = d["shard"] is { } s ? Shard(s)!.Value : (0, 1);
        var session = new GatewaySession(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), intents, shardId, shardCount);
        Hub.Sessions.Add(session);
        Hub.LastIdentifyAt = world.Now;
        Hub.LastIdentifyByBucket[Bucket(d)] = world.Now;
        Hub.SessionStarts++;
        connection.Session = session;
        session.Connection = connection;
        record.Outcome = "ready";
        record.SessionId = session.Id;
        session.Dispatch("READY", ReadyPayloads.Ready(world, session, d["shard"] is not null));
        Hub.Readies.Add(new ReadyRecord(world.Now, connection.Number, session.Id));
        if ((intents & Intents.Guilds) != 0)
        {
            // One pass over the channels for all guilds: a thousand big guilds would otherwise scan every channel each.
            var channels = world.Channels.Values.ToLookup(c => c.GuildId);
            foreach (var guild in world.Guilds.Values.Where(g => g.Available && session.OwnsGuild(g.Id)))
                session.Dispatch("GUILD_CREATE", ReadyPayloads.GuildCreate(world, guild, intents, channels[guild.Id]));
        }
        world.Touch();
    }
}
