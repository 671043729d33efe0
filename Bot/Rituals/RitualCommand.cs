using CrossCoaching.Discord.Interactions;
using CrossCoaching.GuildSettings;

namespace CrossCoaching.Rituals;

/// <summary>One subcommand of <c>/ritual</c>: its definition and its handler.</summary>
public interface IRitualSubcommand
{
    CommandOption Definition { get; }

    Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default);
}

/// <summary><c>/ritual set|show|skip|pause|resume|now|calendar</c>, each subcommand in its own class.</summary>
public sealed class RitualCommand(IEnumerable<IRitualSubcommand> subcommands) : ISlashCommand
{
    private readonly Dictionary<string, IRitualSubcommand> _subcommands = subcommands.ToDictionary(s => s.Definition.Name, StringComparer.Ordinal);

    public CommandDefinition Definition => new(
        "ritual", RitualTexts.GroupDescription.En, [.. _subcommands.Values.Select(s => s.Definition)],
        NameLocalizations: Localizations.French("rituel"),
        DescriptionLocalizations: RitualTexts.GroupDescription.ToLocalizations());

    public Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default) =>
        _subcommands.TryGetValue(context.Interaction.Subcommand ?? "", out var subcommand)
            ? subcommand.HandleAsync(context, cancellationToken)
            : throw new InvalidOperationException($"Unknown /ritual subcommand {context.Interaction.Subcommand}.");

    /// <summary>Only <c>timezone</c> autocompletes.</summary>
    public Task<IReadOnlyList<Discord.AutocompleteChoice>> AutocompleteAsync(InteractionContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(TimeZoneChoices.For(context.Interaction.Focused?.String));
}
