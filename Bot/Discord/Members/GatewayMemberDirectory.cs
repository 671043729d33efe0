using System.Buffers;
using System.Globalization;
using System.Text.Json;
using CrossCoaching.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Members;

/// <summary>
/// Answers from fresh sightings, and asks the gateway for the rest in one Request Guild Members with <c>user_ids</c>
/// (no privileged intent needed, at most 100 ids, one guild; the answer's <c>not_found</c> lists who is not a member).
/// The request goes on the session of the shard that owns the guild, when this process runs it (shards may be leased by
/// other instances); no connection, another process's shard or no answer within
/// <see cref="AnswerTimeout"/> leaves the user unknown, and the caller asks by REST as before. The gateway session is
/// looked up when first needed: the gateway's handlers lead (through the commands and sessions) back here.
/// </summary>
public sealed class GatewayMemberDirectory(
    IServiceProvider services,
    MemberEvents events,
    MemberSightings sightings,
    SharedSightings shared,
    [FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider time,
    ILogger<GatewayMemberDirectory> logger) : IMemberDirectory
{
    public const int MaxUserIds = 100;
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(5);

    private long _nonces;

    private GatewayShards Shards => services.GetRequiredService<GatewayShards>();

    public async Task<IReadOnlyDictionary<Snowflake, bool?>> CheckAsync(Snowflake guildId, IReadOnlyCollection<Snowflake> users,
        IReadOnlyCollection<Snowflake> alsoAsk, CancellationToken cancellationToken = default)
    {
        var unknown = users.Where(u => sightings.Know(guildId, u) is null).Distinct().ToList();
        IReadOnlyDictionary<Snowflake, bool> elsewhere = new Dictionary<Snowflake, bool>();
        if (unknown.Count > 0 && Shards.SessionFor(guildId) is { } gateway)
        {
            var ask = unknown.Concat(alsoAsk.Where(u => sightings.Know(guildId, u) is null)).Distinct().Take(MaxUserIds).ToList();
            await AskAsync(gateway, guildId, ask, cancellationToken);
        }
        else if (unknown.Count > 0)
            elsewhere = await shared.FreshAsync(guildId, unknown, MemberSightings.Fresh, cancellationToken); // another instance's shard

        return users.Distinct().ToDictionary(u => u, u => sightings.Know(guildId, u) ?? (elsewhere.TryGetValue(u, out var member) ? member : null));
    }

    /// <summary>
    /// Asks the gateway now, when this instance holds the guild's shard, about users whose answer the other instances
    /// would not find fresh in the database by the time their steps run (see <c>PartnerLookahead</c>): the answers are
    /// kept there as they arrive.
    /// </summary>
    public async Task AskAheadAsync(Snowflake guildId, IReadOnlyCollection<Snowflake> users, TimeSpan freshFor, CancellationToken cancellationToken = default)
    {
        if (users.Count == 0 || Shards.SessionFor(guildId) is not { } gateway)
            return;
        var known = await shared.FreshAsync(guildId, users, MemberSightings.Fresh - freshFor, cancellationToken);
        foreach (var batch in users.Where(u => !known.ContainsKey(u)).Distinct().Chunk(MaxUserIds))
            await AskAsync(gateway, guildId, batch, cancellationToken);
    }

    private async Task AskAsync(GatewaySession gateway, Snowflake guildId, IReadOnlyList<Snowflake> users, CancellationToken cancellationToken)
    {
        var nonce = "m" + Interlocked.Increment(ref _nonces).ToString(CultureInfo.InvariantCulture);
        var pending = events.Expect(nonce);
        try
        {
            if (!await gateway.SendAsync(Payload(guildId, users, nonce), "Request Guild Members", cancellationToken))
                return;
            await pending.Done.WaitAsync(AnswerTimeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Discord did not answer a member request for guild {Guild} within {Timeout} s; asking by REST instead", guildId,
                AnswerTimeout.TotalSeconds);
        }
        finally
        {
            events.Abandon(nonce);
        }
    }

    /// <summary>op 8 as https://discord.com/developers/docs/events/gateway-events#request-guild-members gives it.</summary>
    internal static byte[] Payload(Snowflake guildId, IReadOnlyList<Snowflake> users, string nonce)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("op", 8);
            json.WriteStartObject("d");
            json.WriteString("guild_id", guildId.ToString());
            json.WriteStartArray("user_ids");
            foreach (var user in users)
                json.WriteStringValue(user.ToString());
            json.WriteEndArray();
            json.WriteString("nonce", nonce);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
