using CrossCoaching.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Interactions;

/// <summary>
/// Sends each interaction to the handler registered for it and guarantees an answer: a handler still silent after
/// <see cref="AutoDeferAfter"/> gets a deferral (Discord drops interactions unanswered after 3 s), and a handler that
/// fails gets a short ephemeral message in the user's language instead of silence.
/// </summary>
public sealed class InteractionRouter
{
    /// <summary>Leaves a second of Discord's three for the deferral to travel.</summary>
    public static readonly TimeSpan AutoDeferAfter = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, ISlashCommand> _commands;
    private readonly Dictionary<string, IComponentHandler> _components;
    private readonly IDiscordApi _api;
    private readonly TimeProvider _clock;
    private readonly ILogger<InteractionRouter> _logger;

    public InteractionRouter(
        IEnumerable<ISlashCommand> commands,
        IEnumerable<IComponentHandler> components,
        IDiscordApi api,
        [FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider clock,
        ILogger<InteractionRouter> logger)
    {
        _commands = commands.ToDictionary(c => c.Definition.Name, StringComparer.Ordinal);
        _components = components.ToDictionary(c => c.Prefix, StringComparer.Ordinal);
        (_api, _clock, _logger) = (api, clock, logger);
    }

    public IReadOnlyCollection<ISlashCommand> Commands => _commands.Values;

    public async Task RouteAsync(Interaction interaction, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        using var context = new InteractionContext(interaction, _api, receivedAt);
        var (handle, ephemeral) = Resolve(context);
        if (handle is null)
        {
            await AnswerUnhandledAsync(context, cancellationToken);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadline = DeferWhenSilentAsync(context, ephemeral, stop.Token);
        try
        {
            await handle(context, cancellationToken);
        }
        catch (Exception e)
        {
            await AnswerFailureAsync(context, e, cancellationToken);
        }
        finally
        {
            await stop.CancelAsync();
            await deadline;
        }
    }

    private (Func<InteractionContext, CancellationToken, Task>? Handle, bool Ephemeral) Resolve(InteractionContext context)
    {
        var interaction = context.Interaction;
        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand when _commands.TryGetValue(interaction.CommandName ?? "", out var command):
                return (command.HandleAsync, command.EphemeralByDefault);
            case InteractionType.Autocomplete when _commands.TryGetValue(interaction.CommandName ?? "", out var command):
                return (async (c, ct) => await c.AutocompleteAsync(await command.AutocompleteAsync(c, ct), ct), true);
            case InteractionType.MessageComponent or InteractionType.ModalSubmit when interaction.CustomId is { } customId:
                var id = ComponentId.Parse(customId);
                return _components.TryGetValue(id.Prefix, out var handler) ? ((c, ct) => handler.HandleAsync(c, id, ct), true) : (null, true);
            default:
                return (null, true);
        }
    }

    /// <summary>
    /// An interaction no handler claims still gets an answer, or the user sees "The application did not respond": a
    /// command Discord still offers after we removed or renamed it (a guild set left over from development, a
    /// registration Discord refused), or a button on an old message whose prefix we no longer use.
    /// </summary>
    private async Task AnswerUnhandledAsync(InteractionContext context, CancellationToken cancellationToken)
    {
        var interaction = context.Interaction;
        if (interaction.Type == InteractionType.Ping)
        {
            await TryAsync(() => _api.CreateInteractionResponseAsync(interaction.Id, interaction.Token, InteractionCallback.Pong(), cancellationToken));
            return;
        }

        _logger.LogWarning("No handler for interaction {Type} {Name}", interaction.Type, interaction.CommandName ?? interaction.CustomId);
        // Autocomplete cannot carry a message; no suggestions is its polite answer.
        if (interaction.Type == InteractionType.Autocomplete)
            await TryAsync(() => context.AutocompleteAsync([], cancellationToken));
        else
            await TryAsync(() => context.ReplyAsync(context.Text(CommonTexts.NoLongerAvailable), ephemeral: true, cancellationToken));
    }

    private async Task DeferWhenSilentAsync(InteractionContext context, bool ephemeral, CancellationToken cancellationToken)
    {
        var wait = AutoDeferAfter - (_clock.GetUtcNow() - context.ReceivedAt);
        try
        {
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait, _clock, cancellationToken);
            await context.DeferIfSilentAsync(ephemeral, cancellationToken);
            _logger.LogDebug("Deferred interaction {Id} whose handler was still running", context.Interaction.Id);
        }
        catch (OperationCanceledException)
        {
            // The handler finished first: nothing to defer.
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Could not defer interaction {Id}", context.Interaction.Id);
        }
    }

    private async Task AnswerFailureAsync(InteractionContext context, Exception error, CancellationToken cancellationToken)
    {
        string text;
        switch (error)
        {
            case UserErrorException refusal:
                text = refusal.Message;
                break;
            case DiscordApiException { Code: DiscordErrorCode.UnknownInteraction or DiscordErrorCode.AlreadyAcknowledged } expired:
                _logger.LogWarning("Interaction {Id} could no longer be answered: {Reason}", context.Interaction.Id, expired.DiscordMessage);
                return;
            case DiscordApiException { Code: DiscordErrorCode.MissingPermissions } denied:
                _logger.LogWarning("Discord refused {Route} for lack of permissions while handling {Name}", denied.Route, Describe(context));
                text = context.Text(CommonTexts.PermissionRefused);
                break;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return;
            default:
                _logger.LogError(error, "Handling {Name} failed", Describe(context));
                text = context.Text(error is DiscordUnavailableException or HttpRequestException or TimeoutException ? CommonTexts.DiscordUnavailable : CommonTexts.InternalError);
                break;
        }

        if (context.Interaction.Type == InteractionType.Autocomplete)
            return;
        await TryAsync(() => context.ReplyAsync(text, ephemeral: true, cancellationToken));
    }

    private static string Describe(InteractionContext context) =>
        context.Interaction.CommandName is { } name ? $"/{name} {context.Interaction.Subcommand}".TrimEnd() : $"component {ComponentId.Parse(context.Interaction.CustomId ?? "").Prefix}";

    private async Task TryAsync(Func<Task> answer)
    {
        try
        {
            await answer();
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Could not answer an interaction");
        }
    }
}
