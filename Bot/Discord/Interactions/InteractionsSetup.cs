using CrossCoaching.Discord.Gateway;
using CrossCoaching.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CrossCoaching.Discord.Interactions;

public static class InteractionsSetup
{
    public static IServiceCollection AddDiscordInteractions(this IServiceCollection services)
    {
        services.TryAddSingleton<InteractionRouter>();
        services.AddSingleton<IGatewayDispatchHandler, InteractionDispatcher>();
        services.TryAddSingleton<ICommandRegistrationStore, CommandRegistrationStore>();
        services.TryAddSingleton<CommandRegistrar>();
        services.AddSingleton<IDiscordEventHandler>(sp => sp.GetRequiredService<CommandRegistrar>());
        services.AddSingleton<Hosting.IStartupTask, LearnCommandNames>();
        return services;
    }

    /// <summary>Texts name commands in the reader's language from the start, before any registration tells their ids.</summary>
    private sealed class LearnCommandNames(InteractionRouter router) : Hosting.IStartupTask
    {
        public Task RunAsync(CancellationToken cancellationToken = default)
        {
            CommandMentions.Current.LearnNames(router.Commands.Select(c => c.Definition));
            return Task.CompletedTask;
        }
    }

    /// <summary>Registers a slash command; features list theirs explicitly in their own <c>AddXxx()</c>.</summary>
    public static IServiceCollection AddSlashCommand<TCommand>(this IServiceCollection services)
        where TCommand : class, ISlashCommand
    {
        services.AddSingleton<TCommand>();
        services.AddSingleton<ISlashCommand>(sp => sp.GetRequiredService<TCommand>());
        return services;
    }

    /// <summary>Registers the handler of buttons and modals whose custom id starts with its prefix.</summary>
    public static IServiceCollection AddComponentHandler<THandler>(this IServiceCollection services)
        where THandler : class, IComponentHandler
    {
        services.AddSingleton<THandler>();
        services.AddSingleton<IComponentHandler>(sp => sp.GetRequiredService<THandler>());
        return services;
    }
}
