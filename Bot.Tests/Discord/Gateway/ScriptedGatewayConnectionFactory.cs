using System.Threading.Channels;
using CrossCoaching.Discord.Gateway;

namespace CrossCoaching.Tests.Discord.Gateway;

/// <summary>Makes a new <see cref="ScriptedGatewayConnection"/> for each connection the client opens, and hands them to the test.</summary>
internal sealed class ScriptedGatewayConnectionFactory : IGatewayConnectionFactory
{
    private readonly Channel<ScriptedGatewayConnection> _created = Channel.CreateUnbounded<ScriptedGatewayConnection>();
    private readonly List<ScriptedGatewayConnection> _all = [];

    /// <summary>Lets a test set up each connection as it is made (for example, to make it fail to open).</summary>
    public Action<ScriptedGatewayConnection>? Prepare { get; set; }

    public int Count
    {
        get
        {
            lock (_all)
                return _all.Count;
        }
    }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_all)
                return [.. _all.SelectMany(c => c.Errors)];
        }
    }

    public IGatewayConnection Create()
    {
        ScriptedGatewayConnection connection;
        lock (_all)
        {
            connection = new ScriptedGatewayConnection(_all.Count + 1);
            _all.Add(connection);
        }

        Prepare?.Invoke(connection);
        _created.Writer.TryWrite(connection);
        return connection;
    }

    /// <summary>The next connection the client makes, once it is opened (waits a few seconds at most).</summary>
    public async Task<ScriptedGatewayConnection> NextAsync()
    {
        using var timeout = new CancellationTokenSource(ScriptedGatewayConnection.Patience);
        try
        {
            var connection = await _created.Reader.ReadAsync(timeout.Token);
            await connection.Opened.WaitAsync(timeout.Token);
            return connection;
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no new gateway connection within {ScriptedGatewayConnection.Patience.TotalSeconds} s (made so far: {Count})");
        }
    }

    /// <summary>Gives a moment to a client that should not connect, then checks it did not.</summary>
    public async Task AssertNoNewConnectionAsync()
    {
        await Task.Delay(50);
        Assert.False(_created.Reader.TryPeek(out var unexpected), $"unexpected connection #{unexpected?.Number}");
    }
}
