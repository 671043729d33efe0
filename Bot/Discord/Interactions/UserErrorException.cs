namespace CrossCoaching.Discord.Interactions;

/// <summary>
/// A refusal to show the user as is (already localized): bad input, a missing permission, a stranger's button.
/// The router answers it ephemerally; it is not logged as an error.
/// </summary>
public sealed class UserErrorException(string message) : Exception(message);
