using System.Net;
using System.Net.Sockets;
using CrossCoaching.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrossCoaching.Operations;

/// <summary>
/// The health endpoint: a few lines of HTTP/1.1 over a plain socket, so the bot needs no web server (ASP.NET Core
/// would cost tens of megabytes for two URLs). Registered only when <c>Health__Port</c> is set. The port is taken
/// during start-up, so a port in use stops the bot with a message rather than leaving it running unwatched.
/// </summary>
public sealed partial class HealthListener(IOptions<HealthOptions> options, HealthChecks checks, ILogger<HealthListener> logger)
    : IStartupTask, IHostedService, IDisposable
{
    /// <summary>A client that sends no request within this long is dropped, so a stuck probe holds nothing.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Requests served at once; more are refused, as Docker's and compose's probes come one at a time.</summary>
    private const int MaxConcurrent = 8;

    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private Task _accepting = Task.CompletedTask;
    private int _serving;
    private int _disposed;

    /// <summary>Where the endpoint listens once started (tests read the port).</summary>
    public IPEndPoint? Endpoint => _listener?.LocalEndpoint as IPEndPoint;

    public Task RunAsync(CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var listener = new TcpListener(IPAddress.Parse(o.Address), o.Port);
        try
        {
            listener.Start(backlog: 16);
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw new StartupException(
                $"The health endpoint cannot listen on {o.Address}:{o.Port} ({e.SocketErrorCode}): choose another Health__Port, or 0 to turn it off.");
        }

        _listener = listener;
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_listener is { } listener)
        {
            _accepting = AcceptAsync(listener, _stopping.Token);
            LogListening(Endpoint!);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        _listener?.Stop();
        await _accepting.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Idempotent: the container disposes it once per registration (itself, the start-up task, the hosted service).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        _stopping.Cancel();
        _listener?.Dispose();
        _stopping.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || stopping.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                logger.LogWarning("The health endpoint could not accept a connection: {Error}", e.SocketErrorCode);
                continue;
            }

            if (Interlocked.Increment(ref _serving) > MaxConcurrent)
            {
                Interlocked.Decrement(ref _serving);
                client.Dispose();
                continue;
            }

            _ = ServeAsync(client, stopping);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stopping)
    {
        try
        {
            using (client)
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping))
            {
                timeout.CancelAfter(RequestTimeout);
                var stream = client.GetStream();
                var request = await HealthHttp.ReadRequestAsync(stream, timeout.Token);
                var (status, text) = await AnswerAsync(request, timeout.Token);
                await HealthHttp.WriteResponseAsync(stream, status, request?.Method == "HEAD" ? null : text, timeout.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The probe went away or was too slow: nothing to answer.
        }
        catch (Exception e)
        {
            logger.LogError(e, "The health endpoint failed to answer");
        }
        finally
        {
            Interlocked.Decrement(ref _serving);
        }
    }

    private async Task<(int Status, string Text)> AnswerAsync(HealthRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
            return (400, "bad request");
        if (request.Method is not ("GET" or "HEAD"))
            return (405, "GET or HEAD only");
        var report = request.Path switch
        {
            "/health/live" => checks.Live(),
            "/health/ready" => await checks.ReadyAsync(cancellationToken),
            _ => null,
        };
        return report switch
        {
            null => (404, "not found: /health/live or /health/ready"),
            { Healthy: true } => (200, report.Text),
            _ => (503, report.Text),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Health endpoint listening on http://{Endpoint}/health/live and /health/ready")]
    private partial void LogListening(IPEndPoint endpoint);
}
