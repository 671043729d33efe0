using System.Text;
using System.Text.Json.Nodes;
using CrossCoaching.Discord;

namespace CrossCoaching.Tests.Emulator;

/// <summary>What a client asked with Request Guild Members (op 8), and what came of it.</summary>
public sealed record MemberRequestRecord(DateTimeOffset At, int Connection, Snowflake? GuildId, int UserIds, string? Query, string? Nonce, string Outcome);

/// <summary>
/// Request Guild Members (op 8, https://discord.com/developers/docs/events/gateway-events#request-guild-members),
/// answered as Discord does: one guild per request, of the session's shard; <c>user_ids</c> (at most 100) or a
/// username prefix (at most 100 members); the whole list (<c>query ""</c>, <c>limit 0</c>) only with the privileged
/// GUILD_MEMBERS intent, and then once per guild per 30 s, else a RATE_LIMITED dispatch. The answer is
/// GUILD_MEMBERS_CHUNK events of up to 1000 members, with <c>not_found</c> for the asked ids that are no member, and
/// the nonce when it is at most 32 bytes (a longer one is ignored). Without its intent a request for everyone gets no
/// answer at all, as on Discord. Called under the world's lock.
/// </summary>
internal sealed class GatewayMemberRequests(World world)
{
    public const int MaxUserIds = 100, MaxQueryResults = 100, ChunkSize = 1000, MaxNonceBytes = 32;
    public static readonly TimeSpan AllMembersInterval = TimeSpan.FromSeconds(30);

    private GatewayHub Hub => world.Gateway;

    public void Request(GatewayConnection connection, JsonNode? data)
    {
        var session = connection.Session!;
        var d = data as JsonObject;
        var guildId = JsonRead.Id(d?["guild_id"]);
        var nonce = JsonRead.Str(d?["nonce"]);
        var ids = d?["user_ids"] switch
        {
            null => null,
            JsonArray array => array.Select(JsonRead.Id).ToList(),
            var one => [JsonRead.Id(one)],
        };
        var query = JsonRead.Str(d?["query"]);
        var record = (string outcome) => Hub.MemberRequests.Add(new MemberRequestRecord(world.Now, connection.Number, guildId, ids?.Count ?? 0, query, nonce, outcome));
        if (d is null || guildId is null || (ids is null) == (query is null) || ids?.Any(i => i is null) == true ||
            (query is not null && JsonRead.Int(d["limit"]) is not >= 0) || ids?.Count > MaxUserIds)
        {
            record("closed 4001");
            connection.Close(4001, "Invalid payload for Request Guild Members.");
            return;
        }
        if (!world.Guilds.TryGetValue(guildId.Value, out var guild) || !session.OwnsGuild(guildId))
        {
            record("ignored: not a guild of this shard");
            return;
        }
        var answerNonce = nonce is not null && Encoding.UTF8.GetByteCount(nonce) <= MaxNonceBytes ? nonce : null;
        if (ids is not null)
        {
            var asked = ids.Select(i => i!.Value).Distinct().ToList();
            var found = asked.Where(guild.MembersById.ContainsKey).Select(i => guild.MembersById[i]).ToList();
            Answer(session, guild, found, [.. asked.Where(i => !guild.MembersById.ContainsKey(i))], answerNonce);
            record($"answered {found.Count} found, {asked.Count - found.Count} not found");
            return;
        }
        var limit = JsonRead.Int(d["limit"])!.Value;
        if (query!.Length == 0 && limit == 0)
        {
            if ((session.Intents & Intents.GuildMembers) == 0)
            {
                record("unanswered: everyone without GUILD_MEMBERS");
                return;
            }
            if (Hub.AllMembersAskedAt.TryGetValue(guild.Id, out var last) && world.Now - last < AllMembersInterval)
            {
                session.Dispatch("RATE_LIMITED", new JsonObject
                {
                    ["opcode"] = 8,
                    ["retry_after"] = Math.Round((last + AllMembersInterval - world.Now).TotalSeconds, 3),
                    ["meta"] = new JsonObject { ["guild_id"] = guild.Id.ToString(), ["nonce"] = answerNonce },
                });
                record("rate limited");
                return;
            }
            Hub.AllMembersAskedAt[guild.Id] = world.Now;
            Answer(session, guild, [.. guild.Members], null, answerNonce);
            record($"answered {guild.Members.Count} found");
            return;
        }
        var matches = guild.Members.Where(m => m.User.Username.StartsWith(query, StringComparison.OrdinalIgnoreCase))
            .Take(Math.Min(limit == 0 ? MaxQueryResults : limit, MaxQueryResults)).ToList();
        Answer(session, guild, matches, null, answerNonce);
        record($"answered {matches.Count} found");
    }

    private static void Answer(GatewaySession session, EmulatedGuild guild, IReadOnlyList<EmulatedMember> members, IReadOnlyList<Snowflake>? notFound, string? nonce)
    {
        var count = Math.Max(1, (members.Count + ChunkSize - 1) / ChunkSize);
        for (var index = 0; index < count; index++)
        {
            var chunk = new JsonObject
            {
                ["guild_id"] = guild.Id.ToString(),
                ["members"] = new JsonArray([.. members.Skip(index * ChunkSize).Take(ChunkSize).Select(m => (JsonNode)EntityJson.Member(m))]),
                ["chunk_index"] = index,
                ["chunk_count"] = count,
            };
            if (notFound is { Count: > 0 } && index == 0)
                chunk["not_found"] = new JsonArray([.. notFound.Select(i => (JsonNode?)i.ToString())]);
            if (nonce is not null)
                chunk["nonce"] = nonce;
            session.Dispatch("GUILD_MEMBERS_CHUNK", chunk);
        }
    }
}
