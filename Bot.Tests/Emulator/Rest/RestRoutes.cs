using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace CrossCoaching.Tests.Emulator;

/// <summary>The REST surface of the emulator: the routes the bot uses, under /api/v10, each with its Discord template.</summary>
internal static class RestRoutes
{
    public static IReadOnlySet<string> Map(IEndpointRouteBuilder app, World world)
    {
        var routes = new List<RouteSpec>();
        ApplicationRoutes.Add(routes, world);
        CommandRoutes.Add(routes);
        ChannelRoutes.Add(routes);
        MessageRoutes.Add(routes);
        InteractionRoutes.Add(routes);
        WebhookRoutes.Add(routes);
        foreach (var route in routes)
        {
            // The delegate never runs: RestPipeline answers every /api request itself, with the matched RouteSpec.
            app.MapMethods("/api/v10" + route.Template, [route.Method], _ => Task.CompletedTask).WithMetadata(route);
        }
        return routes.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
    }
}
