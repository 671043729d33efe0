using CrossCoaching.Discord;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Dapper;

namespace CrossCoaching.Tests.Storage;

public sealed class DapperTypeHandlerTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async Task InitializeAsync() => _db = await TestDatabase.MigratedAsync();

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(175928847299117063UL)]
    [InlineData(9223372036854775807UL)]
    public async Task A_snowflake_round_trips_as_an_integer(ulong value)
    {
        await using var connection = await _db.Connections.OpenAsync();
        var id = new Snowflake(value);

        var postgres = TestDatabase.Provider == StorageProvider.Postgres;
        var (type, back) = await connection.QuerySingleAsync<(string, Snowflake)>(
            postgres ? "SELECT pg_typeof(@id)::text, @id" : "SELECT typeof(@id), @id", new { id });

        Assert.Equal(postgres ? "bigint" : "integer", type);
        Assert.Equal(id, back);
    }

    [Fact]
    public async Task An_instant_round_trips_as_sortable_utc_text_whatever_its_offset()
    {
        await using var connection = await _db.Connections.OpenAsync();
        var paris = new DateTimeOffset(2026, 3, 29, 3, 30, 15, 250, TimeSpan.FromHours(2));

        var (text, back) = await connection.QuerySingleAsync<(string, DateTimeOffset)>("SELECT @at, @at", new { at = paris });

        Assert.Equal("2026-03-29T01:30:15.250Z", text);
        Assert.Equal(paris, back);
        Assert.Equal(TimeSpan.Zero, back.Offset);
    }

    [Fact]
    public async Task Instants_compare_in_sql_in_time_order()
    {
        await using var connection = await _db.Connections.OpenAsync();
        // Local texts sort the other way round: the later instant has the earlier wall-clock date.
        var first = new DateTimeOffset(2026, 1, 2, 1, 0, 0, TimeSpan.FromHours(-1));   // 02:00Z on the 2nd
        var second = new DateTimeOffset(2026, 1, 1, 23, 0, 0, TimeSpan.FromHours(-5)); // 04:00Z on the 2nd

        Assert.True(await connection.ExecuteScalarAsync<bool>("SELECT @first < @second", new { first, second }));
    }

    [Fact]
    public async Task Nullable_values_round_trip_null_and_set()
    {
        await using var connection = await _db.Connections.OpenAsync();
        DateTimeOffset? none = null;
        Snowflake? channel = new Snowflake(42);

        var row = await connection.QuerySingleAsync<(DateTimeOffset?, Snowflake?)>("SELECT @none, @channel", new { none, channel });

        Assert.Equal((null, channel), row);
    }

    [Fact]
    public async Task A_local_time_and_a_local_date_round_trip_as_text()
    {
        await using var connection = await _db.Connections.OpenAsync();
        var time = new TimeOnly(14, 30);
        var date = new DateOnly(2026, 12, 31);

        var (timeText, dateText, timeBack, dateBack) =
            await connection.QuerySingleAsync<(string, string, TimeOnly, DateOnly)>("SELECT @time, @date, @time, @date", new { time, date });

        Assert.Equal(("14:30:00", "2026-12-31"), (timeText, dateText));
        Assert.Equal((time, date), (timeBack, dateBack));
    }

    [Fact]
    public async Task Rows_map_to_records_with_our_types()
    {
        await using var connection = await _db.Connections.OpenAsync();
        await connection.ExecuteAsync(
            "INSERT INTO guild_settings (guild_id, category_id, time_zone, updated_at) VALUES (@guild, @category, 'Europe/Paris', @at)",
            new { guild = new Snowflake(10), category = new Snowflake(20), at = new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero) });

        var row = await connection.QuerySingleAsync<SettingsRow>(
            "SELECT guild_id AS GuildId, category_id AS CategoryId, trail_channel_id AS TrailChannelId, updated_at AS UpdatedAt FROM guild_settings");

        Assert.Equal(new SettingsRow(new Snowflake(10), new Snowflake(20), null, new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero)), row);
    }

    private sealed record SettingsRow(Snowflake GuildId, Snowflake? CategoryId, Snowflake? TrailChannelId, DateTimeOffset UpdatedAt);
}
