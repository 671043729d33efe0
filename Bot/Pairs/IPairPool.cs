using CrossCoaching.Discord;
using CrossCoaching.Discord.Interactions;

namespace CrossCoaching.Pairs;

/// <summary>
/// <c>/pair</c> without a partner: the matching pool. The Pool folder implements it, so that <c>/pair</c> can offer
/// both ways in to a pair without Pairs reaching into how the pool works.
/// </summary>
public interface IPairPool
{
    /// <summary>The pool's options on <c>/pair</c>, beside <c>partner</c>.</summary>
    IReadOnlyList<CommandOption> Options { get; }

    Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<AutocompleteChoice>> AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken = default);
}
