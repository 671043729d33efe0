using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CrossCoaching.Discord.Cache;

/// <summary>
/// A guild's channels as the features read them. Categories and the bot's own rooms (voice channels with an overwrite
/// for the bot) are kept whole; every other channel only as what the features ask of it — that it exists, its type,
/// its category (a category holds 50 channels) and its overwrites (the bot's permissions in it) — without its name,
/// and without an object of its own: a thousand guilds of a hundred channels would otherwise keep tens of megabytes.
/// Immutable: a change copies the guild's entries.
/// </summary>
internal sealed class GuildChannels : IReadOnlyDictionary<Snowflake, Channel>
{
    private readonly Snowflake _guildId;
    private readonly Snowflake? _botId;
    private readonly Dictionary<Snowflake, Channel> _whole;
    private readonly Dictionary<Snowflake, Slim> _slim;

    private GuildChannels(Snowflake guildId, Snowflake? botId, Dictionary<Snowflake, Channel> whole, Dictionary<Snowflake, Slim> slim) =>
        (_guildId, _botId, _whole, _slim) = (guildId, botId, whole, slim);

    public static GuildChannels Of(Snowflake guildId, Snowflake? botId, IEnumerable<Channel> channels)
    {
        var result = new GuildChannels(guildId, botId, [], []);
        foreach (var channel in channels)
            result.Put(channel);
        result._whole.TrimExcess();
        result._slim.TrimExcess();
        return result;
    }

    /// <summary>Whether the bot reads all of this channel: a category (its name, for overflow), or a room it made.</summary>
    public static bool KeptWhole(Channel channel, Snowflake? botId) =>
        channel.Type == ChannelType.GuildCategory ||
        (channel.Type == ChannelType.GuildVoice && botId is { } bot && channel.Overwrites.Any(o => o.Type == OverwriteType.Member && o.Id == bot));

    public GuildChannels With(Channel channel)
    {
        var next = Copy();
        next._whole.Remove(channel.Id);
        next._slim.Remove(channel.Id);
        next.Put(channel);
        return next;
    }

    public GuildChannels Without(Snowflake channelId)
    {
        var next = Copy();
        next._whole.Remove(channelId);
        next._slim.Remove(channelId);
        return next;
    }

    public Channel this[Snowflake key] => TryGetValue(key, out var channel) ? channel : throw new KeyNotFoundException($"No channel {key}.");

    public IEnumerable<Snowflake> Keys => _whole.Keys.Concat(_slim.Keys);

    public IEnumerable<Channel> Values => _whole.Values.Concat(_slim.Select(s => Make(s.Key, s.Value)));

    public int Count => _whole.Count + _slim.Count;

    /// <summary>How many channels are kept whole (categories and rooms), for the benchmarks.</summary>
    public int WholeCount => _whole.Count;

    public bool ContainsKey(Snowflake key) => _whole.ContainsKey(key) || _slim.ContainsKey(key);

    public bool TryGetValue(Snowflake key, [MaybeNullWhen(false)] out Channel value)
    {
        if (_whole.TryGetValue(key, out value))
            return true;
        value = _slim.TryGetValue(key, out var slim) ? Make(key, slim) : null;
        return value is not null;
    }

    public IEnumerator<KeyValuePair<Snowflake, Channel>> GetEnumerator() => Values.Select(c => KeyValuePair.Create(c.Id, c)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private GuildChannels Copy() => new(_guildId, _botId, new Dictionary<Snowflake, Channel>(_whole), new Dictionary<Snowflake, Slim>(_slim));

    private void Put(Channel channel)
    {
        if (KeptWhole(channel, _botId))
            _whole[channel.Id] = channel;
        else
            _slim[channel.Id] = new Slim(channel.Type, channel.ParentId, channel.Overwrites.Count == 0 ? [] : channel.Overwrites);
    }

    private Channel Make(Snowflake id, Slim slim) => new(id, slim.Type, _guildId, slim.ParentId, Name: null, slim.Overwrites);

    private readonly record struct Slim(ChannelType Type, Snowflake? ParentId, IReadOnlyList<PermissionOverwrite> Overwrites);
}
