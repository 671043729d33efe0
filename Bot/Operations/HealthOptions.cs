namespace CrossCoaching.Operations;

/// <summary>
/// The health endpoint (<c>GET /health/live</c>, <c>GET /health/ready</c>): off unless <see cref="Port"/> is set.
/// It listens on loopback by default, which is enough for Docker's HEALTHCHECK and compose (they run inside the
/// container); an orchestrator probing from outside (Kubernetes) needs <c>Health__Address=0.0.0.0</c>.
/// </summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>The TCP port; 0 (the default) turns the endpoint off.</summary>
    public int Port { get; set; }

    /// <summary>The IP address to listen on.</summary>
    public string Address { get; set; } = "127.0.0.1";

    public bool Enabled => Port != 0;
}
