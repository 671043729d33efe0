using CrossCoaching.Hosting;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Tests.Hosting;

/// <summary>How ConnectionStrings__CrossCoaching and Storage__Provider choose the database, as the operator sets them.</summary>
public sealed class StorageProviderStartupTests
{
    private static async Task<(string? Problem, IServiceProvider Services)> PrepareAsync(string connectionString, string? provider = null)
    {
        var settings = new Dictionary<string, string?> { ["DISCORD_TOKEN"] = "t", ["ConnectionStrings:CrossCoaching"] = connectionString };
        if (provider is not null)
            settings["Storage:Provider"] = provider;
        var host = TestHostBuilder.Create(settings).Build();
        return (await BotRunner.PrepareAsync(host), host.Services);
    }

    [Theory]
    [InlineData("Flavour=strawberry")]
    [InlineData("Host=;Database=x")]
    [InlineData("Host=db.example;Flavour=strawberry")]
    public async Task A_connection_string_of_neither_kind_gets_a_one_paragraph_error_naming_the_key_not_a_stack_trace(string connectionString)
    {
        var (problem, _) = await PrepareAsync(connectionString);

        Assert.NotNull(problem);
        Assert.Contains("ConnectionStrings__CrossCoaching", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", problem.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_provider_is_refused_with_the_accepted_values()
    {
        using var folder = new TempFolder();

        var (problem, _) = await PrepareAsync($"Data Source={folder.File("bot.db")}", "mysql");

        Assert.NotNull(problem);
        Assert.Contains("Storage__Provider", problem, StringComparison.Ordinal);
        Assert.Contains("'postgres'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forcing_postgres_on_a_SQLite_file_string_is_refused()
    {
        var (problem, _) = await PrepareAsync("Data Source=bot.db", "postgres");

        Assert.NotNull(problem);
        Assert.Contains("PostgreSQL", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Host=db.example;Database=crosscoaching;Username=bot;Password=secret", null, StorageProvider.Postgres)]
    [InlineData("Host=db.example;Database=crosscoaching", "postgres", StorageProvider.Postgres)]
    [InlineData("Data Source=data/bot.db", null, StorageProvider.Sqlite)]
    [InlineData("Data Source=data/bot.db", "SQLite", StorageProvider.Sqlite)]
    public void The_form_of_the_connection_string_chooses_the_provider_unless_Storage__Provider_says(string connectionString, string? provider, StorageProvider expected)
    {
        var host = TestHostBuilder.Create(new Dictionary<string, string?> { ["DISCORD_TOKEN"] = "t", ["ConnectionStrings:CrossCoaching"] = connectionString, ["Storage:Provider"] = provider }).Build();

        var options = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(expected, options.ProviderKind);
        Assert.Equal(expected, host.Services.GetRequiredService<SqliteConnectionFactory>().Provider);
    }

    [Fact]
    public async Task A_PostgreSQL_server_that_cannot_be_reached_is_an_operator_error_not_a_crash()
    {
        // Port 9 on loopback: nothing listens there.
        var (problem, _) = await PrepareAsync("Host=127.0.0.1;Port=9;Database=crosscoaching;Username=bot;Password=secret;Timeout=3");

        Assert.NotNull(problem);
        Assert.Contains("127.0.0.1", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", problem, StringComparison.Ordinal);
    }
}
