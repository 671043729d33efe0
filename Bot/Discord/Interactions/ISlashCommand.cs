namespace CrossCoaching.Discord.Interactions;

/// <summary>A slash command: its definition (registered with Discord) and its handler.</summary>
public interface ISlashCommand
{
    CommandDefinition Definition { get; }

    /// <summary>
    /// Whether an automatic deferral (when the handler has not answered within two seconds) is ephemeral. A command
    /// whose answer is public says false here, so that the late answer still lands in the channel for everyone.
    /// </summary>
    bool EphemeralByDefault => true;

    Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default);

    /// <summary>Suggestions for the option being typed (at most 25).</summary>
    Task<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AutocompleteChoice>>([]);
}

/// <summary>
/// Handles button presses and modal submissions whose custom id starts with <see cref="Prefix"/>
/// (<c>prefix:arg:arg</c>, see <see cref="ComponentId"/>).
/// </summary>
public interface IComponentHandler
{
    string Prefix { get; }

    Task HandleAsync(InteractionContext context, ComponentId id, CancellationToken cancellationToken = default);
}
