namespace CrossCoaching.Discord;

/// <summary>
/// Discord could not be reached or did not answer in time (network error or timeout), after the retries that were safe.
/// Unlike <see cref="DiscordApiException"/> Discord did not refuse anything: we do not know what happened. Features
/// treat it as "Discord unreachable, try again later".
/// </summary>
/// <remarks>
/// When <see cref="MayHaveBeenProcessed"/> is true the request may have reached Discord and taken effect (a channel or a
/// message may exist). We do not send such a POST again ourselves: creating a channel twice is worse than reporting the
/// doubt, and a second interaction callback would be a second acknowledgement.
/// </remarks>
public sealed class DiscordUnavailableException(string route, bool mayHaveBeenProcessed, Exception? innerException)
    : DiscordException(
        $"Discord did not answer {route}{(mayHaveBeenProcessed ? " (the request may have been processed)" : "")}.",
        innerException)
{
    /// <summary>The route template (no ids or tokens), e.g. <c>POST /guilds/{guild}/channels</c>.</summary>
    public string Route { get; } = route;

    public bool MayHaveBeenProcessed { get; } = mayHaveBeenProcessed;
}
