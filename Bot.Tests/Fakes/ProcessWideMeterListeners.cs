namespace CrossCoaching.Tests.Fakes;

/// <summary>
/// An OpenTelemetry exporter listens to every meter of a name in the whole process, so tests that start one and tests
/// that assert nobody listens must not run side by side.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessWideMeterListeners
{
    public const string Name = "Process-wide meter listeners";
}
