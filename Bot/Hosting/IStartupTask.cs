namespace CrossCoaching.Hosting;

/// <summary>
/// Work that must finish before the bot connects (schema migration, the single-instance lock). Tasks run in the
/// order they were registered; one that throws <see cref="StartupException"/> stops the process with its message.
/// </summary>
public interface IStartupTask
{
    Task RunAsync(CancellationToken cancellationToken = default);
}
