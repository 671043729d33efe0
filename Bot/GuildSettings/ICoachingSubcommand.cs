using CrossCoaching.Discord.Interactions;

namespace CrossCoaching.GuildSettings;

/// <summary>
/// Another managers' subcommand of <c>/coaching</c> (beside <c>setup</c>), registered by the feature folder that owns
/// it: Discord knows one <c>/coaching</c> command, so <see cref="SetupCommand"/> lists these in its definition, checks
/// the Manage Server permission once for all of them, and hands each its interaction.
/// </summary>
public interface ICoachingSubcommand
{
    /// <summary>The subcommand's definition (type <see cref="CommandOptionType.SubCommand"/>).</summary>
    CommandOption Definition { get; }

    Task HandleAsync(InteractionContext context, CancellationToken cancellationToken = default);
}
