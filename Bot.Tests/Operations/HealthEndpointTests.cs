using System.Net;
using System.Net.Sockets;
using CrossCoaching.Discord;
using CrossCoaching.Hosting;
using CrossCoaching.Operations;
using CrossCoaching.Storage;
using CrossCoaching.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Tests.Operations;

/// <summary>The health endpoint over a real socket on loopback, with the host, the database and the gateway as a test sets them.</summary>
public sealed class HealthEndpointTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly Lifetime _lifetime = new();
    private readonly FakeGateway _gateway = new();
    private readonly List<IHostedService> _hosted = [];
    private HealthListener? _listener;
    private string _connectionString = "";

    public Task InitializeAsync()
    {
        _connectionString = $"Data Source={_folder.File("db", "bot.db")}";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_listener is not null)
            await _listener.StopAsync(CancellationToken.None);
        _listener?.Dispose();
        _folder.Dispose();
    }

    /// <summary>A port free a moment ago on loopback.</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task<HttpClient> StartAsync(int? port = null)
    {
        var services = new ServiceCollection();
        foreach (var hosted in _hosted)
            services.AddSingleton(hosted);
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { ConnectionString = _connectionString }));
        var checks = new HealthChecks(_lifetime, services.BuildServiceProvider(), connections, _gateway);
        _listener = new HealthListener(Options.Create(new HealthOptions { Port = port ?? FreePort() }), checks, NullLogger<HealthListener>.Instance);
        await _listener.RunAsync();
        await _listener.StartAsync(CancellationToken.None);
        return new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{_listener.Endpoint!.Port}"), Timeout = TimeSpan.FromSeconds(20) };
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Both_checks_answer_200_when_the_host_runs_the_database_answers_and_every_shard_is_connected()
    {
        _gateway.Connected = true;
        using var http = await StartAsync();

        Assert.Equal((HttpStatusCode.OK, "live\n"), await GetAsync(http, "/health/live"));
        var (status, body) = await GetAsync(http, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ready\nhost: running\ndatabase: ok\nshard 0: connected\n", body);
    }

    [Fact]
    public async Task With_the_database_unreachable_readiness_is_503_and_liveness_stays_200()
    {
        _gateway.Connected = true;
        await File.WriteAllTextAsync(_folder.File("not-a-folder"), "");
        _connectionString = $"Data Source={_folder.File("not-a-folder", "bot.db")}";
        using var http = await StartAsync();

        var (status, body) = await GetAsync(http, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("database: unreachable", body, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-folder", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, "/health/live")).Status);
    }

    [Fact]
    public async Task While_the_gateway_is_disconnected_readiness_is_503_and_liveness_stays_200()
    {
        using var http = await StartAsync();

        var (status, body) = await GetAsync(http, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("shard 0: disconnected", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, "/health/live")).Status);

        _gateway.Connected = true;
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(http, "/health/ready")).Status);
    }

    [Fact]
    public async Task Before_the_instance_knows_which_shards_it_leases_readiness_is_503()
    {
        _gateway.Settled = false;
        using var http = await StartAsync();

        var (status, body) = await GetAsync(http, "/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("shards: not started yet", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crashed_background_service_makes_both_checks_503()
    {
        _gateway.Connected = true;
        var crashing = new Crashing();
        _hosted.Add(crashing);
        await crashing.StartAsync(CancellationToken.None);
        // The crash happens on the thread pool: wait for it, or a busy machine asks before the service has failed.
        await Assert.ThrowsAsync<InvalidOperationException>(() => crashing.ExecuteTask!);
        using var http = await StartAsync();

        var (status, body) = await GetAsync(http, "/health/live");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Crashing: crashed\n", body);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await GetAsync(http, "/health/ready")).Status);
    }

    [Fact]
    public async Task A_stopping_host_is_not_live()
    {
        _gateway.Connected = true;
        using var http = await StartAsync();
        await _lifetime.Stopping.CancelAsync();

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "host: stopping\n"), await GetAsync(http, "/health/live"));
    }

    [Fact]
    public async Task Other_paths_are_404_and_other_methods_405()
    {
        using var http = await StartAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(http, "/")).Status);
        using var post = await http.PostAsync("/health/live", new StringContent(""));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
    }

    [Fact]
    public async Task A_port_in_use_stops_the_start_with_a_message_naming_Health__Port()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();

        var e = await Assert.ThrowsAsync<StartupException>(() => StartAsync(((IPEndPoint)taken.LocalEndpoint).Port));

        Assert.Contains("Health__Port", e.Message, StringComparison.Ordinal);
        _listener = null;
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource Stopping { get; } = new();

        public CancellationToken ApplicationStarted => new(canceled: true);

        public CancellationToken ApplicationStopping => Stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stopping.Cancel();
    }

    private sealed class FakeGateway : IGatewayStatus
    {
        public bool Connected { get; set; }

        public bool Settled { get; set; } = true;

        public IReadOnlyList<ShardStatus> Shards => Settled ? [new(0, Connected)] : [];
    }

    private sealed class Crashing : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("a bug");
        }
    }
}
