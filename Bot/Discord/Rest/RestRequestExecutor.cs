using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Rest;

/// <summary>
/// Sends a request in its bucket's turn, retries what <see cref="RetryPolicy"/> allows, honours 429s, and turns the
/// outcome into a response, a <see cref="DiscordApiException"/> or a <see cref="DiscordUnavailableException"/>.
/// Logs name the route template only: paths may hold interaction tokens.
/// </summary>
internal sealed class RestRequestExecutor(
    RestHttpTransport transport,
    RestRateLimiter limiter,
    TokenRejection token,
    [FromKeyedServices(DiscordSetup.ClockKey)] TimeProvider time,
    ILogger<RestRequestExecutor> logger)
{
    public async Task<T> SendAsync<T>(RestRequest request, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
    {
        var response = await SendAsync(request, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(response.Body, responseType)
                ?? throw new JsonException("The body is null.");
        }
        catch (JsonException e)
        {
            throw new JsonException($"Discord's answer to {request.Route} could not be read.", e);
        }
    }

    public async Task<RestResponse> SendAsync(RestRequest request, CancellationToken cancellationToken)
    {
        if (request.Route.UsesBotToken && token.IsRejected)
            throw new DiscordApiException(401, 0, "401: Unauthorized (the bot token was rejected before; not sent again)", request.Route.Template);
        using var turn = await limiter.EnterAsync(request.Route, cancellationToken);
        return await SendInTurnAsync(request, cancellationToken);
    }

    private async Task<RestResponse> SendInTurnAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var route = request.Route;
        var failures = 0;
        var rateLimited = 0;
        while (true)
        {
            var started = time.GetTimestamp();
            var (response, lost) = await SendOnceAsync(request, cancellationToken);
            if (lost is { } e)
            {
                var processed = RetryPolicy.MayHaveBeenProcessed(e);
                if (++failures >= RetryPolicy.MaxAttempts || (processed && !route.RetryAfterTimeout))
                {
                    logger.LogWarning("Discord {Route}: no answer ({Failure}); giving up", route.Template, e.GetType().Name);
                    throw new DiscordUnavailableException(route.Template, processed, e);
                }
                await RetryLaterAsync(route, e.GetType().Name, failures, cancellationToken);
                continue;
            }

            logger.LogDebug("Discord {Route} -> {Status} in {Elapsed} ms", route.Template, response.Status, (long)time.GetElapsedTime(started).TotalMilliseconds);
            limiter.Observe(route, response);
            switch (response.Status)
            {
                case 429 when ++rateLimited <= RetryPolicy.MaxRateLimited:
                    continue;
                case >= 500 when route.RetryServerErrors && ++failures < RetryPolicy.MaxAttempts:
                    await RetryLaterAsync(route, $"HTTP {response.Status}", failures, cancellationToken);
                    continue;
                case >= 400:
                    if (response.Status == 401 && route.UsesBotToken && !token.IsRejected)
                    {
                        logger.LogError("Discord rejected the bot token (HTTP 401 on {Route}): check Discord__Token", route.Template);
                        token.Reject();
                    }
                    throw DiscordErrorDecoder.Decode(route, response);
                default:
                    return response;
            }
        }
    }

    /// <summary>One attempt, holding its global slot until the answer or the failure is in.</summary>
    private async Task<(RestResponse Response, Exception? Lost)> SendOnceAsync(RestRequest request, CancellationToken cancellationToken)
    {
        using var slot = await limiter.WaitToSendAsync(request.Route, cancellationToken);
        try
        {
            return (await transport.SendAsync(request, cancellationToken), null);
        }
        catch (Exception e) when (RetryPolicy.IsLostAnswer(e, cancellationToken))
        {
            return (null!, e);
        }
    }

    private async Task RetryLaterAsync(RestRoute route, string failure, int failures, CancellationToken cancellationToken)
    {
        var delay = RetryPolicy.Backoff(failures);
        logger.LogWarning("Discord {Route}: {Failure}; retrying in {Delay} ms", route.Template, failure, (long)delay.TotalMilliseconds);
        await Task.Delay(delay, time, cancellationToken);
    }
}
