using System.Collections.Concurrent;
using System.Text.Json;
using CrossCoaching.Discord.Gateway;

namespace CrossCoaching.Discord.Members;

/// <summary>
/// Reads who is a member from the dispatches that show it anyway: GUILD_MEMBERS_CHUNK (the answers to op 8, which also
/// complete the request waiting for them) and voice states, in VOICE_STATE_UPDATE and GUILD_CREATE: someone in a voice
/// channel is a member, and leaving the guild from voice comes as a voice state without a channel, which forgets them.
/// An interaction's member is not taken: a member who presses a button and leaves a minute later would pass for one
/// for the next ten minutes, while nothing tells the bot they left.
/// </summary>
public sealed class MemberEvents(MemberSightings sightings, SharedSightings? shared = null) : IGatewayDispatchHandler
{
    private readonly ConcurrentDictionary<string, PendingRequest> _pending = new();

    internal PendingRequest Expect(string nonce) => _pending[nonce] = new PendingRequest();

    internal void Abandon(string nonce) => _pending.TryRemove(nonce, out _);

    public async ValueTask OnDispatchAsync(string eventName, JsonElement data, CancellationToken cancellationToken = default)
    {
        switch (eventName)
        {
            case "GUILD_MEMBERS_CHUNK":
                await OnChunkAsync(data, cancellationToken);
                break;
            case "VOICE_STATE_UPDATE" when GuildOf(data) is { } guild && IdOf(data, "user_id") is { } user:
                if (IdOf(data, "channel_id") is not null)
                    sightings.Saw(guild, user, member: true);
                else
                    sightings.Forget(guild, user);
                break;
            case "GUILD_CREATE" when IdOf(data, "id") is { } guild:
                foreach (var v in Items(data, "voice_states"))
                    if (IdOf(v, "user_id") is { } voiceUser)
                        sightings.Saw(guild, voiceUser, member: true);
                break;
        }
    }

    private async Task OnChunkAsync(JsonElement chunk, CancellationToken cancellationToken)
    {
        if (IdOf(chunk, "guild_id") is not { } guild)
            return;
        var answers = new List<(Snowflake, bool)>();
        foreach (var member in Items(chunk, "members"))
            if (member.TryGetProperty("user", out var user) && IdOf(user, "id") is { } id)
                answers.Add((id, true));
        foreach (var id in Items(chunk, "not_found"))
            if (id.ValueKind == JsonValueKind.String && Snowflake.TryParse(id.GetString(), out var gone))
                answers.Add((gone, false));
        foreach (var (user, member) in answers)
            sightings.Saw(guild, user, member);
        // Kept for the other instances before the request waiting for them goes on: a step on an instance without this
        // guild's shard reads them there (the gateway answers only on the shard that owns the guild).
        if (shared is not null)
            await shared.RecordAsync(guild, answers, cancellationToken);
        if (chunk.TryGetProperty("nonce", out var nonce) && nonce.GetString() is { } key && _pending.TryGetValue(key, out var request) &&
            chunk.TryGetProperty("chunk_count", out var count) && request.Received(count.GetInt32()))
            _pending.TryRemove(key, out _);
    }

    private static Snowflake? GuildOf(JsonElement data) => IdOf(data, "guild_id");

    private static Snowflake? IdOf(JsonElement data, string name) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String &&
        Snowflake.TryParse(value.GetString(), out var id) ? id : null;

    private static List<JsonElement> Items(JsonElement data, string name) =>
        data.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? [.. array.EnumerateArray()] : [];
}

/// <summary>An op 8 request waiting for all its chunks.</summary>
internal sealed class PendingRequest
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _chunks;

    public Task Done => _done.Task;

    /// <returns>True when this was the last chunk.</returns>
    public bool Received(int chunkCount)
    {
        if (Interlocked.Increment(ref _chunks) < chunkCount)
            return false;
        _done.TrySetResult();
        return true;
    }
}
