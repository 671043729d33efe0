using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Tests.Fakes;

/// <summary>One log line: its level, its logger's category and its text (with the exception's, when there is one).</summary>
public sealed record LogEntry(LogLevel Level, string Category, string Message)
{
    public override string ToString() => $"{Level} {Category}: {Message}";
}

/// <summary>
/// Keeps every log line so tests can check what an operator would read, and wait for one. It is a provider (for a
/// host's logging) and a factory (for a class built by hand): <c>new CapturingLoggerProvider().For&lt;T&gt;()</c>.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ILoggerFactory
{
    /// <summary>How long <see cref="WaitForAsync"/> waits for a line: generous, a line that never comes fails the test.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly ConcurrentQueue<LogEntry> _entries = new();
    private readonly Channel<LogEntry> _arrivals = Channel.CreateUnbounded<LogEntry>();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Each line as "Level Category: text".</summary>
    public IReadOnlyList<string> Lines => [.. _entries.Select(e => e.ToString())];

    public string All => string.Join('\n', Lines);

    public ILogger<T> For<T>() => new Logger<T>(this);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    /// <summary>Waits for the next line with <paramref name="text"/> after the one the previous wait returned.</summary>
    public async Task<LogEntry> WaitForAsync(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            while (true)
            {
                var entry = await _arrivals.Reader.ReadAsync(timeout.Token);
                if (entry.Message.Contains(text, StringComparison.Ordinal))
                    return entry;
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no log line with '{text}'; lines: {string.Join(" | ", _entries.Select(e => e.Message))}");
        }
    }

    public void Dispose()
    {
    }

    private void Add(LogEntry entry)
    {
        _entries.Enqueue(entry);
        _arrivals.Writer.TryWrite(entry);
    }

    private sealed class Logger(string category, CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Add(new LogEntry(logLevel, category, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}
