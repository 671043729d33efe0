using System.Security.Cryptography;
using CrossCoaching.Discord;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Tests.Emulator;

/// <summary>
/// A fake Discord on 127.0.0.1 (random port): REST under /api/v10 and a WebSocket gateway, enforcing what Discord
/// enforces on the paths the bot uses. Build the world, connect the bot, drive users, then assert on the records.
/// Written from Discord's documentation, independently of the bot's own client.
/// </summary>
public sealed partial class DiscordEmulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly World world;
    private readonly RateLimiter limiter;
    private readonly FaultScript faults = new();
    private readonly CancellationTokenSource stopping = new();

    private DiscordEmulator(EmulatorOptions options)
    {
        world = new World(options, options.Time ?? TimeProvider.System);
        world.Gateway = new GatewayHub(world);
        limiter = new RateLimiter(world);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        app = builder.Build();
        app.Urls.Clear();
        app.Urls.Add("http://127.0.0.1:0");
        app.UseWebSockets();
        app.UseRouting();
        app.Use(new RestPipeline(world, limiter, faults).InvokeAsync);
        var gateway = new GatewayEndpoint(world, stopping.Token);
        app.Map("/gateway", gateway.HandleAsync);
        app.Map("/resume-gateway", gateway.HandleAsync);
        world.RouteKeys = RestRoutes.Map(app, world);
    }

    public static async Task<DiscordEmulator> StartAsync(EmulatorOptions? options = null)
    {
        options ??= new EmulatorOptions();
        options = options with { Token = options.Token ?? RandomToken() };
        var emulator = new DiscordEmulator(options);
        await emulator.app.StartAsync();
        var address = emulator.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        emulator.Port = port;
        emulator.world.Gateway.GatewayUrl = $"ws://127.0.0.1:{port}/gateway";
        emulator.world.Gateway.ResumeUrl = $"ws://127.0.0.1:{port}/resume-gateway";
        return emulator;
    }

    public int Port { get; private set; }

    /// <summary><c>http://127.0.0.1:{port}/api/v10</c>.</summary>
    public string ApiBaseUrl => $"http://127.0.0.1:{Port}/api/v10";

    /// <summary>What GET /gateway/bot returns: <c>ws://127.0.0.1:{port}/gateway</c>.</summary>
    public string GatewayUrl => world.Gateway.GatewayUrl;

    /// <summary>READY's resume_gateway_url, a different path, so tests can check that resumes go there.</summary>
    public string ResumeGatewayUrl => world.Gateway.ResumeUrl;

    public string Token => world.Options.Token!;

    public Snowflake ApplicationId => world.ApplicationId;

    public Snowflake BotUserId => world.Bot.Id;

    public EmulatedUser Bot => world.Bot;

    public EmulatorOptions Options => world.Options;

    public DateTimeOffset Now => world.Now;

    /// <summary>Stops fast: connections are aborted, not closed politely.</summary>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        lock (world.Sync)
        {
            world.Gateway.Late.Dispose();
            foreach (var connection in world.Gateway.Open.ToList())
                connection.Abort(dropped: false);
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await app.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await app.DisposeAsync();
        stopping.Dispose();
    }

    private static string RandomToken()
    {
        static string Part(int bytes) => Convert.ToBase64String(RandomNumberGenerator.GetBytes(bytes)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        return $"{Part(18)}.{Part(4)}.{Part(28)}";
    }

    private T Locked<T>(Func<T> read)
    {
        lock (world.Sync)
            return read();
    }

    private void Locked(Action change)
    {
        lock (world.Sync)
            change();
    }

}
