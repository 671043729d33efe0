namespace CrossCoaching.Hosting;

/// <summary>
/// A condition that stops the bot before it runs, with a message written for the operator. It is printed as is,
/// without a stack trace, and the process exits non-zero.
/// </summary>
public sealed class StartupException(string message) : Exception(message);
