using CrossCoaching.Discord;
using CrossCoaching.Discord.Cache;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Dapper;
using static CrossCoaching.Tests.Fakes.FeatureHarness;

namespace CrossCoaching.Tests.ScaleOut;

/// <summary>The guilds' recorded state on PostgreSQL: what one instance writes, another reads while the writer lives.</summary>
public sealed class GuildStateStoreTests : IAsyncLifetime
{
    private static readonly Snowflake Rooms = new(6000), Owner = new(1), System = new(5002);
    private string _database = null!;
    private FeatureHarness _h = null!;

    public async Task InitializeAsync()
    {
        _database = PostgresServer.Instance.CreateMigratedDatabase();
        _h = await StartAsync(Monday, new() { ["ConnectionStrings:CrossCoaching"] = _database, ["Instance:Id"] = "instance-b" });
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        PostgresServer.Instance.Drop(_database);
    }

    private IGuildStateStore Store => _h.Get<IGuildStateStore>();

    private static RecordedGuild Record(string locale = "fr") => new(Guild, "Coaching Club", Owner, System, locale,
        RoomPermissions.Wanted | (Permissions)(1UL << 63),
        [new RecordedCategory(Rooms, "Rooms « été »", RoomPermissions.Required, [new Snowflake(6001), new Snowflake(ulong.MaxValue)])]);

    private async Task SeenAsync(string instance, DateTimeOffset at)
    {
        await using var connection = await _h.Connections.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO instances (id, started_at, seen_at) VALUES (@instance, @at, @at) ON CONFLICT (id) DO UPDATE SET seen_at = excluded.seen_at",
            new { instance, at });
    }

    private Task<RecordedGuild?> ReadOnBAsync() => Store.ReadAsync(Guild, "instance-b", Monday - InstanceHeartbeat.DeadAfter);

    [Fact]
    public async Task What_a_live_instance_recorded_reads_back_whole_on_another()
    {
        await SeenAsync("instance-a", Monday);
        await Store.WriteAsync([Record()], [], "instance-a", Monday);

        var read = (await ReadOnBAsync())!;

        Assert.True(Store.Shared);
        Assert.Equal(("Coaching Club", Owner, (Snowflake?)System, "fr"), (read.Name, read.OwnerId, read.SystemChannelId, read.PreferredLocale));
        Assert.Equal(RoomPermissions.Wanted | (Permissions)(1UL << 63), read.BotPermissions());
        Assert.Equal(RoomPermissions.Required, read.BotPermissions(Rooms));
        Assert.Equal("Rooms « été »", read.CategoryName(Rooms));
        Assert.Equal([new Snowflake(6001), new Snowflake(ulong.MaxValue)], read.ChannelsIn(Rooms));
        Assert.Null(read.BotPermissions(new Snowflake(6999)));
    }

    [Fact]
    public async Task A_record_is_not_trusted_once_its_writer_is_dead_nor_by_its_own_writer()
    {
        await SeenAsync("instance-a", Monday - TimeSpan.FromMinutes(2));
        await Store.WriteAsync([Record()], [], "instance-a", Monday);
        Assert.Null(await ReadOnBAsync());

        await SeenAsync("instance-b", Monday);
        await Store.WriteAsync([Record()], [], "instance-b", Monday);
        Assert.Null(await ReadOnBAsync());
    }

    [Fact]
    public async Task A_newer_write_replaces_the_record_and_a_removal_deletes_it()
    {
        await SeenAsync("instance-a", Monday);
        await SeenAsync("instance-c", Monday);
        await Store.WriteAsync([Record()], [], "instance-a", Monday);
        await Store.WriteAsync([Record(locale: "en-US")], [], "instance-c", Monday);
        Assert.Equal("en-US", (await ReadOnBAsync())!.PreferredLocale);

        await Store.WriteAsync([], [Guild], "instance-c", Monday);

        Assert.Null(await ReadOnBAsync());
    }
}
