using System.Text.Json;
using CrossCoaching.Discord.Wire;
using Microsoft.Extensions.Logging;

namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// Reacts to each frame received after HELLO (https://discord.com/developers/docs/topics/opcodes-and-status-codes#gateway-gateway-opcodes).
/// Returns an outcome when the frame ends the connection (op 7, op 9), else null.
/// </summary>
internal sealed class GatewayFrameHandler(GatewaySessionState state, GatewayDispatcher dispatcher, GatewayHeartbeat heartbeat, ILogger logger)
{
    /// <summary>Whether READY or RESUMED arrived on this connection.</summary>
    public bool Ready { get; private set; }

    public async ValueTask<GatewayOutcome?> HandleAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(message);
        }
        catch (JsonException e)
        {
            logger.LogWarning("Ignored a gateway message that is not JSON: {Error}", e.Message);
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("op", out var op) || op.ValueKind != JsonValueKind.Number)
            {
                logger.LogWarning("Ignored a gateway message without an opcode");
                return null;
            }

            switch (op.GetInt32())
            {
                case 0:
                    await DispatchAsync(root, cancellationToken);
                    return null;
                case 1:
                    await heartbeat.BeatNowAsync(cancellationToken);
                    return null;
                case 7:
                    return new(GatewayNextStep.Resume, "Discord asked the bot to reconnect (op 7)", GatewayCloseCodes.Reconnecting);
                case 9 when root.TryGetProperty("d", out var resumable) && resumable.ValueKind == JsonValueKind.True:
                    return new(GatewayNextStep.Resume, "Discord invalidated the session, which may be resumed (op 9)", GatewayCloseCodes.Reconnecting);
                case 9:
                    return new(GatewayNextStep.Identify, "Discord invalidated the session (op 9)", GatewayCloseCodes.Reconnecting);
                case 11:
                    heartbeat.Acknowledge();
                    return null;
                case var other:
                    logger.LogDebug("Ignored gateway op {Op}", other);
                    return null;
            }
        }
    }

    private async ValueTask DispatchAsync(JsonElement root, CancellationToken cancellationToken)
    {
        if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number)
            state.Track(s.GetInt64());
        var name = root.TryGetProperty("t", out var t) ? t.GetString() : null;
        if (name is null)
            return;
        var data = root.TryGetProperty("d", out var d) ? d : default;
        if (name == "READY")
            OnReady(data);
        else if (name == "RESUMED")
        {
            Ready = true;
            state.Resumed();
            logger.LogInformation("Resumed the Discord gateway session");
        }

        await dispatcher.DispatchAsync(name, data, cancellationToken);
    }

    private void OnReady(JsonElement data)
    {
        var ready = data.Deserialize(GatewayJsonContext.Default.GatewayReady)
            ?? throw new JsonException("READY carried no data.");
        var user = GatewayMapping.ToUser(ready.User);
        state.Ready(ready.SessionId, GatewayUrlProvider.WithQuery(new Uri(ready.ResumeGatewayUrl)), user, ready.Application.Id);
        Ready = true;
        logger.LogInformation("Identified to the Discord gateway as {User} ({UserId}), {Guilds} guilds", user.Username, user.Id, ready.Guilds?.Count ?? 0);
    }
}
