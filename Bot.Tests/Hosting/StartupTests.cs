using CrossCoaching.Discord;
using CrossCoaching.Hosting;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Tests.Hosting;

public sealed class StartupTests
{
    private static async Task<(string? Problem, IServiceProvider Services)> PrepareAsync(
        TempFolder folder, Dictionary<string, string?> settings, string? secrets = null)
    {
        settings.TryAdd("ConnectionStrings:CrossCoaching", $"Data Source={folder.File("db", "bot.db")}");
        var host = TestHostBuilder.Create(settings, secrets).Build();
        return (await BotRunner.PrepareAsync(host), host.Services);
    }

    [Fact]
    public async Task Without_a_token_the_bot_refuses_to_start_and_says_what_to_set()
    {
        using var folder = new TempFolder();

        var (problem, _) = await PrepareAsync(folder, []);

        Assert.NotNull(problem);
        Assert.Contains("DISCORD_TOKEN", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", problem, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.File("db", "bot.db")), "nothing is written before the configuration is valid");
    }

    [Theory]
    [InlineData("DISCORD_TOKEN")]
    [InlineData("Discord:Token")]
    public async Task The_token_is_read_from_either_variable(string key)
    {
        using var folder = new TempFolder();

        var (problem, services) = await PrepareAsync(folder, new() { [key] = "env-token" });

        Assert.Null(problem);
        Assert.Equal("env-token", services.GetRequiredService<IOptions<DiscordOptions>>().Value.Token);
    }

    [Fact]
    public async Task The_token_is_read_from_a_secret_file_without_its_trailing_newline()
    {
        using var folder = new TempFolder();
        var secrets = Directory.CreateDirectory(folder.File("secrets")).FullName;
        await File.WriteAllTextAsync(Path.Combine(secrets, "discord_token"), "file-token\n");

        var (problem, services) = await PrepareAsync(folder, [], secrets);

        Assert.Null(problem);
        Assert.Equal("file-token", services.GetRequiredService<IOptions<DiscordOptions>>().Value.Token);
    }

    [Fact]
    public async Task Discord__Token_wins_over_DISCORD_TOKEN()
    {
        using var folder = new TempFolder();

        var (_, services) = await PrepareAsync(folder, new() { ["DISCORD_TOKEN"] = "general", ["Discord:Token"] = "specific" });

        Assert.Equal("specific", services.GetRequiredService<IOptions<DiscordOptions>>().Value.Token);
    }

    [Fact]
    public async Task Every_malformed_value_is_reported_at_once_by_its_key()
    {
        using var folder = new TempFolder();

        var (problem, _) = await PrepareAsync(folder, new()
        {
            ["DISCORD_TOKEN"] = "t",
            ["Sessions:GraceMinutes"] = "-3",
            ["Discord:ApiBaseUrl"] = "api/v10",
            ["Sessions:MinimumDurationMinutes"] = "5000",
        });

        Assert.NotNull(problem);
        Assert.Contains("Sessions__GraceMinutes is -3; it must be a whole number of minutes from 0 to 120", problem, StringComparison.Ordinal);
        Assert.Contains("Discord__ApiBaseUrl", problem, StringComparison.Ordinal);
        Assert.Contains("Sessions__MinimumDurationMinutes is 5000", problem, StringComparison.Ordinal);
    }

    // One key per validated section not covered above, so a validator that is written but not registered is caught.
    [Theory]
    [InlineData("Pairs:InvitationHours", "0", "Pairs__InvitationHours is 0; it must be a whole number of hours from 1 to 720.")]
    [InlineData("Sessions:RoomLeadSeconds", "3601", "Sessions__RoomLeadSeconds is 3601; it must be a whole number of seconds from 0 to 3600.")]
    [InlineData("Sessions:RoomsPerMinute", "0", "Sessions__RoomsPerMinute is 0; it must be a whole number from 1 to 600.")]
    public async Task A_value_out_of_range_stops_the_start_with_its_key_and_range(string key, string value, string expected)
    {
        using var folder = new TempFolder();

        var (problem, _) = await PrepareAsync(folder, new() { ["DISCORD_TOKEN"] = "t", [key] = value });

        Assert.Equal(expected, problem);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_reported_by_its_key()
    {
        using var folder = new TempFolder();

        var (problem, _) = await PrepareAsync(folder, new() { ["DISCORD_TOKEN"] = "t", ["Sessions:GraceMinutes"] = "five" });

        Assert.Equal(
            "Sessions__GraceMinutes is 'five', which is not a whole number; the accepted values are in the configuration table of README.md.",
            problem);
    }

    [Fact]
    public async Task A_valid_configuration_creates_and_migrates_the_database()
    {
        using var folder = new TempFolder();

        var (problem, _) = await PrepareAsync(folder, new() { ["DISCORD_TOKEN"] = "t" });

        Assert.Null(problem);
        Assert.True(File.Exists(folder.File("db", "bot.db")));
    }
}
