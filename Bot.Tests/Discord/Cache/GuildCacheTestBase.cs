using System.Text.Json;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Cache;

namespace CrossCoaching.Tests.Discord.Cache;

/// <summary>A cache with a queue to read its events from, and one guild to load.</summary>
public abstract class GuildCacheTestBase
{
    protected static readonly Snowflake Guild = new(1000);
    protected static readonly Snowflake Everyone = new(1000);
    protected static readonly Snowflake BotsRole = new(1001);
    protected static readonly Snowflake Category = new(2000);
    protected static readonly Snowflake Room = new(2001);
    protected static readonly Snowflake Lobby = new(2002);
    protected static readonly Snowflake Bot = new(100);
    protected static readonly Snowflake Alice = new(300);
    protected static readonly Snowflake Bob = new(301);

    protected const string GuildJson = """
        {"id":"1000","name":"Coaching Club","owner_id":"7","preferred_locale":"fr","member_count":3,
         "roles":[{"id":"1000","name":"@everyone","permissions":"1049600","position":0},
                  {"id":"1001","name":"Bots","permissions":"16","position":1}],
         "channels":[{"id":"2000","type":4,"name":"Rooms","permission_overwrites":[]},
                     {"id":"2001","type":2,"parent_id":"2000","name":"Room 1","user_limit":2,
                      "permission_overwrites":[{"id":"1000","type":0,"allow":"0","deny":"1024"},{"id":"100","type":1,"allow":"1024","deny":"0"}]},
                     {"id":"2002","type":2,"name":"Lobby","permission_overwrites":[]}],
         "members":[{"user":{"id":"100","username":"coachbot","bot":true},"roles":["1001"]},{"user":{"id":"300","username":"alice"},"roles":[]}],
         "voice_states":[{"user_id":"300","channel_id":"2001","session_id":"a","mute":false},{"user_id":"301","channel_id":null,"session_id":"b"}]}
        """;

    private protected readonly DiscordEventQueue _events = new();
    private protected readonly GuildCache _cache;

    protected GuildCacheTestBase() => _cache = new GuildCache(_events);

    protected void Dispatch(string name, string json)
    {
        using var document = JsonDocument.Parse(json);
        _cache.OnDispatchAsync(name, document.RootElement).AsTask().GetAwaiter().GetResult();
    }

    protected List<DiscordEvent> Events()
    {
        var events = new List<DiscordEvent>();
        while (_events.TryRead(out var e))
            events.Add(e!);
        return events;
    }

    protected CachedGuild Loaded()
    {
        Dispatch("READY", """{"v":10,"user":{"id":"100","username":"coachbot","bot":true},"guilds":[{"id":"1000","unavailable":true}],"session_id":"s","resume_gateway_url":"wss://r","application":{"id":"200"}}""");
        Dispatch("GUILD_CREATE", GuildJson);
        Events();
        return _cache.GetGuild(Guild)!;
    }
}
