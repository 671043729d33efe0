using CrossCoaching.Discord;
using CrossCoaching.Sessions;
using CrossCoaching.Storage;

namespace CrossCoaching.Tests.Hosting;

public sealed class OptionsValidationTests
{
    private static DiscordOptions ValidDiscord() => new() { Token = "abc.def.ghi" };

    private static string[] Failures<T>(Microsoft.Extensions.Options.IValidateOptions<T> validator, T options) where T : class =>
        validator.Validate(null, options).Failures?.ToArray() ?? [];

    [Fact]
    public void The_defaults_with_a_token_are_valid()
    {
        Assert.Empty(Failures(new DiscordOptionsValidator(), ValidDiscord()));
        Assert.Empty(Failures(new SessionOptionsValidator(), new SessionOptions()));
        Assert.Empty(Failures(new StorageOptionsValidator(), new StorageOptions()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_token_names_DISCORD_TOKEN_and_where_to_get_one(string? token)
    {
        var failure = Assert.Single(Failures(new DiscordOptionsValidator(), new DiscordOptions { Token = token }));

        Assert.Contains("DISCORD_TOKEN", failure, StringComparison.Ordinal);
        Assert.Contains("discord.com/developers/applications", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_with_spaces_is_refused_without_echoing_it()
    {
        var failure = Assert.Single(Failures(new DiscordOptionsValidator(), new DiscordOptions { Token = "Bot secret-part" }));

        Assert.DoesNotContain("secret-part", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api/v10")]
    [InlineData("/api/v10")]
    [InlineData("ftp://discord.com/api")]
    public void The_api_base_url_must_be_absolute_http(string url)
    {
        var failure = Assert.Single(Failures(new DiscordOptionsValidator(), new DiscordOptions { Token = "t", ApiBaseUrl = url }));

        Assert.Contains("Discord__ApiBaseUrl", failure, StringComparison.Ordinal);
        Assert.Contains("absolute", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gateway.discord.gg")]
    [InlineData("https://gateway.discord.gg")]
    public void The_gateway_url_must_be_a_websocket_url(string url)
    {
        var failure = Assert.Single(Failures(new DiscordOptionsValidator(), new DiscordOptions { Token = "t", GatewayUrl = url }));

        Assert.Contains("Discord__GatewayUrl", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dev_guild_must_be_a_snowflake()
    {
        var failure = Assert.Single(Failures(new DiscordOptionsValidator(), new DiscordOptions { Token = "t", DevGuildId = "my-guild" }));

        Assert.Contains("Discord__DevGuildId", failure, StringComparison.Ordinal);
        Assert.Empty(Failures(new DiscordOptionsValidator(), new DiscordOptions { Token = "t", DevGuildId = "81384788765712384" }));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(null, 0)]
    [InlineData(2, 2)]
    [InlineData(-1, 2)]
    [InlineData(0, 0)]
    public void Shard_settings_come_together_and_in_range(int? id, int? count)
    {
        var failure = Assert.Single(Failures(new DiscordOptionsValidator(), new DiscordOptions { Token = "t", ShardId = id, ShardCount = count }));

        Assert.Contains("Discord__Shard", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(null, 2)]
    [InlineData(null, null)]
    public void Shard_settings_in_range_are_accepted(int? id, int? count) =>
        Assert.Empty(Failures(new DiscordOptionsValidator(), new DiscordOptions { Token = "t", ShardId = id, ShardCount = count }));

    [Theory]
    [InlineData("wss://gateway.discord.gg")]
    [InlineData("ws://127.0.0.1:5000")]
    [InlineData("")]
    public void A_websocket_gateway_url_or_none_is_accepted(string url) =>
        Assert.Empty(Failures(new DiscordOptionsValidator(), new DiscordOptions { Token = "t", GatewayUrl = url }));

    [Theory]
    [InlineData(nameof(SessionOptions.GraceMinutes), -3, "from 0 to 120")]
    [InlineData(nameof(SessionOptions.GraceMinutes), 121, "from 0 to 120")]
    [InlineData(nameof(SessionOptions.MinimumDurationMinutes), 0, "from 1 to 1440")]
    [InlineData(nameof(SessionOptions.MinimumDurationMinutes), 2000, "from 1 to 1440")]
    [InlineData(nameof(SessionOptions.MaximumDurationMinutes), 1441, "from 5 to 1440")]
    [InlineData(nameof(SessionOptions.MaximumDurationMinutes), 4, "from 5 to 1440")]
    [InlineData(nameof(SessionOptions.MaximumReminderMinutes), -1, "from 0 to 10080")]
    [InlineData(nameof(SessionOptions.MaximumReminderMinutes), 10081, "from 0 to 10080")]
    [InlineData(nameof(SessionOptions.ReconcileMinutes), 0, "minutes from 1 to 60")]
    [InlineData(nameof(SessionOptions.ReconcileMinutes), 61, "minutes from 1 to 60")]
    [InlineData(nameof(SessionOptions.HeldTogetherMinutes), 0, "minutes from 1 to 60")]
    [InlineData(nameof(SessionOptions.HeldTogetherMinutes), 61, "minutes from 1 to 60")]
    [InlineData(nameof(SessionOptions.RoomsPerMinute), 0, "from 1 to 600")]
    [InlineData(nameof(SessionOptions.RoomsPerMinute), 601, "from 1 to 600")]
    [InlineData(nameof(SessionOptions.RoomLeadSeconds), -1, "seconds from 0 to 3600")]
    [InlineData(nameof(SessionOptions.RoomLeadSeconds), 3601, "seconds from 0 to 3600")]
    [InlineData(nameof(SessionOptions.DefaultDurationMinutes), 200, "from 5 to 120")]
    [InlineData(nameof(SessionOptions.DefaultDurationMinutes), 3, "from 5 to 120")]
    [InlineData(nameof(SessionOptions.DefaultReminderMinutes), 1441, "from 0 to 1440")]
    [InlineData(nameof(SessionOptions.DefaultReminderMinutes), -5, "from 0 to 1440")]
    public void Each_session_bound_names_its_key_and_range(string key, int value, string range)
    {
        var options = new SessionOptions();
        typeof(SessionOptions).GetProperty(key)!.SetValue(options, value);

        var failure = Assert.Single(Failures(new SessionOptionsValidator(), options));

        Assert.Contains($"Sessions__{key} is {value}", failure, StringComparison.Ordinal);
        Assert.Contains(range, failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(SessionOptions.GraceMinutes), 0)]
    [InlineData(nameof(SessionOptions.GraceMinutes), 120)]
    [InlineData(nameof(SessionOptions.MaximumDurationMinutes), 1440)]
    [InlineData(nameof(SessionOptions.MaximumReminderMinutes), 10080)]
    [InlineData(nameof(SessionOptions.DefaultDurationMinutes), 5)]
    [InlineData(nameof(SessionOptions.DefaultDurationMinutes), 120)]
    [InlineData(nameof(SessionOptions.DefaultReminderMinutes), 0)]
    [InlineData(nameof(SessionOptions.DefaultReminderMinutes), 1440)]
    [InlineData(nameof(SessionOptions.ReconcileMinutes), 1)]
    [InlineData(nameof(SessionOptions.ReconcileMinutes), 60)]
    [InlineData(nameof(SessionOptions.HeldTogetherMinutes), 1)]
    [InlineData(nameof(SessionOptions.HeldTogetherMinutes), 60)]
    [InlineData(nameof(SessionOptions.RoomsPerMinute), 1)]
    [InlineData(nameof(SessionOptions.RoomsPerMinute), 600)]
    [InlineData(nameof(SessionOptions.RoomLeadSeconds), 0)]
    [InlineData(nameof(SessionOptions.RoomLeadSeconds), 3600)]
    public void Each_session_bound_accepts_the_ends_of_its_range(string key, int value)
    {
        var options = new SessionOptions();
        typeof(SessionOptions).GetProperty(key)!.SetValue(options, value);

        Assert.Empty(Failures(new SessionOptionsValidator(), options));
    }

    [Fact]
    public void A_minimum_of_one_minute_is_accepted_for_short_test_sessions()
    {
        Assert.Empty(Failures(new SessionOptionsValidator(), new SessionOptions { MinimumDurationMinutes = 1, GraceMinutes = 0 }));
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=")]
    [InlineData("Data Source=x.db;Mode=ReadOnly")]
    [InlineData("Flavour=strawberry")]
    public void The_connection_string_must_name_a_writable_file(string connectionString)
    {
        var failure = Assert.Single(Failures(new StorageOptionsValidator(), new StorageOptions { ConnectionString = connectionString }));

        Assert.Contains("ConnectionStrings__CrossCoaching", failure, StringComparison.Ordinal);
    }
}
