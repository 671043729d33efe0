using CrossCoaching.Discord.Interactions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CrossCoaching.Help;

public static class HelpSetup
{
    public static IHostApplicationBuilder AddHelp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSlashCommand<HelpCommand>();
        return builder;
    }
}
