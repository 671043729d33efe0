using Microsoft.Extensions.Logging;

namespace CrossCoaching.Tests.Discord.Rest.Support;

/// <summary>Keeps every log line (level and formatted text) for assertions.</summary>
internal sealed class ListLogger : ILoggerProvider, ILoggerFactory
{
    private readonly Lock _sync = new();
    private readonly List<(LogLevel Level, string Text)> _lines = [];

    public IReadOnlyList<(LogLevel Level, string Text)> Lines
    {
        get
        {
            lock (_sync)
                return [.. _lines];
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(ListLogger owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception) + (exception is null ? "" : " | " + exception);
            lock (owner._sync)
                owner._lines.Add((logLevel, text));
        }
    }
}
