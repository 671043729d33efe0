using System.Net;
using Microsoft.Extensions.Configuration;

namespace CrossCoaching.Operations;

/// <summary>
/// <c>CrossCoaching healthcheck [live|ready]</c>: asks the running bot's health endpoint and exits 0 when it answers
/// 200, 1 otherwise. The container image has no curl or wget; this is what its HEALTHCHECK runs. It reads the same
/// Health__Port and Health__Address as the bot, from the same environment.
/// </summary>
public static class HealthCommand
{
    public const string Name = "healthcheck";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(4);

    public static async Task<int> RunAsync(IConfiguration configuration, string[] args, TextWriter output, TextWriter errors)
    {
        var which = args is [var first, ..] ? first : "ready";
        if (which is not ("live" or "ready"))
        {
            await errors.WriteLineAsync($"Usage: CrossCoaching {Name} [live|ready]   (default: ready)");
            return 2;
        }

        var options = new HealthOptions();
        configuration.GetSection(HealthOptions.Section).Bind(options);
        if (!options.Enabled || !IPAddress.TryParse(options.Address, out var address))
        {
            await errors.WriteLineAsync("The health endpoint is off: set Health__Port (and the same environment as the bot's).");
            return 1;
        }

        // A bot listening on every interface is reached through loopback, from inside its own container or machine.
        if (address.Equals(IPAddress.Any))
            address = IPAddress.Loopback;
        else if (address.Equals(IPAddress.IPv6Any))
            address = IPAddress.IPv6Loopback;
        var url = new UriBuilder("http", address.ToString(), options.Port, $"/health/{which}").Uri;
        try
        {
            using var http = new HttpClient { Timeout = Timeout };
            using var response = await http.GetAsync(url);
            await output.WriteAsync(await response.Content.ReadAsStringAsync());
            return response.StatusCode == HttpStatusCode.OK ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            await errors.WriteLineAsync($"No answer from {url}: {e.Message}");
            return 1;
        }
    }
}
