using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using CrossCoaching.Discord.Gateway;

namespace CrossCoaching.Tests.Discord.Gateway;

/// <summary>
/// A gateway connection a test scripts: it hands out the frames the test pushes, records what the client sends, and
/// fails loudly (and remembers it, see <see cref="Errors"/>) on use the real socket would refuse.
/// </summary>
internal sealed class ScriptedGatewayConnection(int number) : IGatewayConnection
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly Channel<GatewayFrame> _incoming = Channel.CreateUnbounded<GatewayFrame>();
    private readonly Channel<JsonElement> _sent = Channel.CreateUnbounded<JsonElement>();
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _endedByServer;

    public int Number => number;

    public Uri? Url { get; private set; }

    /// <summary>Thrown by <see cref="OpenAsync"/> to play a connection that cannot be made.</summary>
    public Exception? OpenFailure { get; set; }

    public int? ClosedWith { get; private set; }

    public bool Disposed { get; private set; }

    public List<string> SentTexts { get; } = [];

    public List<string> Errors { get; } = [];

    public Task Opened => _opened.Task;

    public Task OpenAsync(Uri url, CancellationToken cancellationToken = default)
    {
        if (Url is not null)
            Loud("opened twice");
        Url = url;
        _opened.TrySetResult();
        return OpenFailure is null ? Task.CompletedTask : Task.FromException(OpenFailure);
    }

    public Task SendAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken = default)
    {
        if (Url is null || ClosedWith is not null || Disposed || _endedByServer)
            Loud($"send on a connection that is {(Url is null ? "not open" : "closed")}");
        var text = Encoding.UTF8.GetString(message.Span);
        lock (SentTexts)
            SentTexts.Add(text);
        using var document = JsonDocument.Parse(text);
        _sent.Writer.TryWrite(document.RootElement.Clone());
        return Task.CompletedTask;
    }

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken = default)
    {
        if (Url is null || Disposed || ClosedWith is not null || _endedByServer)
            Loud("receive on a connection that is not open");
        var frame = await _incoming.Reader.ReadAsync(cancellationToken);
        _endedByServer = frame.IsClosed;
        return frame;
    }

    public Task CloseAsync(int code, string reason, CancellationToken cancellationToken = default)
    {
        if (ClosedWith is not null || _endedByServer)
            Loud("closed twice");
        ClosedWith = code;
        _closed.TrySetResult(code);
        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }

    public void Push(string json) => _incoming.Writer.TryWrite(GatewayFrame.Text(Encoding.UTF8.GetBytes(json)));

    public void PushHello(int intervalMs) => Push($$"""{"op":10,"d":{"heartbeat_interval":{{intervalMs}}},"s":null,"t":null}""");

    public void PushDispatch(string name, long sequence, string data) => Push($$"""{"op":0,"s":{{sequence}},"t":"{{name}}","d":{{data}}}""");

    /// <summary>A close frame with this code; null plays a connection that dropped without one.</summary>
    public void PushClose(int? code) => _incoming.Writer.TryWrite(GatewayFrame.Closed(code));

    /// <summary>The next payload the client sent (waits for it, a few seconds at most).</summary>
    public async Task<JsonElement> NextSentAsync()
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return await _sent.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"connection #{number} sent nothing within {Patience.TotalSeconds} s");
        }
    }

    /// <summary>The payload sent next, which must have this opcode.</summary>
    public async Task<JsonElement> NextSentAsync(int op)
    {
        var payload = await NextSentAsync();
        Assert.Equal(op, payload.GetProperty("op").GetInt32());
        return payload;
    }

    /// <summary>Whether the client sent anything not yet read with <see cref="NextSentAsync()"/>.</summary>
    public bool HasUnreadSends => _sent.Reader.TryPeek(out _);

    /// <summary>Gives the client a moment to send something it should not, then checks it did not.</summary>
    public async Task AssertNothingSentAsync()
    {
        await Task.Delay(30);
        Assert.False(_sent.Reader.TryPeek(out var unexpected), $"connection #{number} sent {unexpected}");
    }

    public Task<int> WaitClosedAsync() => _closed.Task.WaitAsync(Patience);

    private void Loud(string problem)
    {
        var message = $"connection #{number}: {problem}";
        lock (Errors)
            Errors.Add(message);
        throw new InvalidOperationException(message);
    }
}
