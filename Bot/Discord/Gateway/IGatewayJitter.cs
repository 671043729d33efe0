namespace CrossCoaching.Discord.Gateway;

/// <summary>
/// The randomness of the gateway: the first heartbeat's offset, the 1–5 s wait before a new IDENTIFY and the backoff
/// jitter. Tests pin it so that every wait is known.
/// </summary>
public interface IGatewayJitter
{
    /// <summary>A number in [0, 1).</summary>
    double Next();
}

internal sealed class RandomGatewayJitter : IGatewayJitter
{
    public double Next() => Random.Shared.NextDouble();
}
