using System.Text.Json;
using CrossCoaching.Discord;
using CrossCoaching.Discord.Cache;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CrossCoaching.Tests.Discord.Cache;

/// <summary>
/// The instance holding a guild's shard records the guild's state for the other instances: the cache marks the guild on
/// each event that may change it, and the recorder writes after a short window, once per burst, only what changed.
/// </summary>
public sealed class GuildStateRecorderTests : GuildCacheTestBase, IDisposable
{
    private readonly CountingStore _store = new();
    private readonly GuildChanges _changes;
    private readonly GuildCache _shardCache;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero));
    private readonly GuildStateRecorder _recorder;

    public GuildStateRecorderTests()
    {
        _changes = new GuildChanges(_store);
        _shardCache = new GuildCache(new DiscordEventQueue(), _changes);
        _recorder = new GuildStateRecorder(_changes, _shardCache, _store, new InstanceIdentity("instance-a"), _time, NullLogger<GuildStateRecorder>.Instance);
    }

    public void Dispose()
    {
        _recorder.Dispose();
        _changes.Dispose();
    }

    private void ShardDispatch(string name, string json)
    {
        using var document = JsonDocument.Parse(json);
        _shardCache.OnDispatchAsync(name, document.RootElement).AsTask().GetAwaiter().GetResult();
    }

    private void ShardLoads()
    {
        ShardDispatch("READY", """{"v":10,"user":{"id":"100","username":"coachbot","bot":true},"guilds":[{"id":"1000","unavailable":true}],"session_id":"s","resume_gateway_url":"wss://r","application":{"id":"200"}}""");
        ShardDispatch("GUILD_CREATE", GuildJson);
    }

    private static string ChannelIn(Snowflake category, int i) =>
        $$"""{"id":"{{3000 + i}}","type":2,"guild_id":"1000","parent_id":"{{category}}","name":"Room {{i}}","permission_overwrites":[]}""";

    /// <summary>Moves the clock a window at a time until the recorder wrote (it may not be waiting on the clock yet).</summary>
    private async Task UntilWrittenAsync()
    {
        var giveUp = System.Diagnostics.Stopwatch.StartNew(); // wall clock, only to bound a broken test
        while (_store.Writes.Count == 0 && giveUp.Elapsed < TimeSpan.FromSeconds(60))
        {
            _time.Advance(GuildStateRecorder.Window);
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task A_burst_of_events_on_a_guild_is_one_write_after_the_window()
    {
        await _recorder.StartAsync(CancellationToken.None);
        ShardLoads();
        for (var i = 0; i < 30; i++)
            ShardDispatch("CHANNEL_CREATE", ChannelIn(Category, i));
        Assert.Empty(_store.Writes); // nothing before the window has passed

        await UntilWrittenAsync();
        for (var i = 0; i < 5; i++)
        {
            _time.Advance(GuildStateRecorder.Window);
            await Task.Delay(20);
        }

        await _recorder.StopAsync(CancellationToken.None);
        var write = Assert.Single(_store.Writes);
        var guild = Assert.Single(write.Guilds);
        Assert.Equal("fr", guild.PreferredLocale);
        Assert.Equal("Rooms", guild.CategoryName(Category));
        Assert.Equal(31, guild.ChannelsIn(Category).Count); // Room 1 and the 30 new ones
        Assert.Equal("instance-a", write.Recorder);
    }

    [Fact]
    public async Task An_event_that_changes_nothing_recorded_is_not_written_and_one_that_does_is()
    {
        ShardLoads();
        await _recorder.FlushAsync();
        Assert.Single(_store.Writes);

        ShardDispatch("CHANNEL_UPDATE", """{"id":"2002","type":2,"guild_id":"1000","name":"Lobby","permission_overwrites":[]}""");
        await _recorder.FlushAsync();
        Assert.Single(_store.Writes);

        // The bot's role gains Speak: its permissions, recorded, change.
        ShardDispatch("GUILD_ROLE_UPDATE", """{"guild_id":"1000","role":{"id":"1001","name":"Bots","permissions":"2097168","position":1}}""");
        await _recorder.FlushAsync();
        Assert.Equal(2, _store.Writes.Count);
        Assert.True(_store.Writes[^1].Guilds.Single().BotPermissions()!.Value.HasFlag(Permissions.Speak));
    }

    [Fact]
    public async Task A_guild_the_bot_left_loses_its_record_and_an_outage_keeps_it()
    {
        ShardLoads();
        await _recorder.FlushAsync();

        ShardDispatch("GUILD_DELETE", """{"id":"1000","unavailable":true}""");
        await _recorder.FlushAsync();
        Assert.Single(_store.Writes);

        ShardDispatch("GUILD_DELETE", """{"id":"1000"}""");
        await _recorder.FlushAsync();
        Assert.Equal([Guild], _store.Writes[^1].Removed);
    }

    [Fact]
    public void On_SQLite_nothing_is_marked_the_one_process_holds_every_guild()
    {
        using var changes = new GuildChanges(new CountingStore { Shared = false });
        changes.Mark(Guild);

        Assert.False(changes.Enabled);
        Assert.Empty(changes.Take());
    }

    private sealed class CountingStore : IGuildStateStore
    {
        public bool Shared { get; init; } = true;

        public List<(IReadOnlyCollection<RecordedGuild> Guilds, IReadOnlyCollection<Snowflake> Removed, string Recorder)> Writes { get; } = [];

        public Task WriteAsync(IReadOnlyCollection<RecordedGuild> guilds, IReadOnlyCollection<Snowflake> removed, string recorder, DateTimeOffset now,
            CancellationToken cancellationToken = default)
        {
            lock (Writes)
                Writes.Add((guilds, removed, recorder));
            return Task.CompletedTask;
        }

        public Task<RecordedGuild?> ReadAsync(Snowflake guildId, string reader, DateTimeOffset liveSince, CancellationToken cancellationToken = default) =>
            Task.FromResult<RecordedGuild?>(null);
    }
}
