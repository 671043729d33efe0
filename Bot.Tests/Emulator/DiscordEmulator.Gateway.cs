using System.Text.Json.Nodes;

namespace CrossCoaching.Tests.Emulator;

/// <summary>Gateway controls (provoke reconnects, resumes, zombie detection) and what clients sent.</summary>
public sealed partial class DiscordEmulator
{
    /// <summary>Op 7 to every open connection, then the server closes them a moment later (4000) if the client has not.</summary>
    public void SendReconnect() => Locked(() =>
    {
        foreach (var connection in world.Gateway.Active.ToList())
        {
            connection.Send(GatewayProtocol.Frame(7, null));
            _ = CloseLaterAsync(connection);
        }
    });

    private async Task CloseLaterAsync(GatewayConnection connection)
    {
        try
        {
            await Task.Delay(world.Options.ReconnectCloseDelay, world.Time, stopping.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        Locked(() => connection.Close(4000, "Reconnect requested."));
    }

    /// <summary>
    /// Op 9 to every open connection. Not resumable: the sessions end (RESUME gets op 9 false). Either way the
    /// connection drops its session and accepts a new IDENTIFY (or RESUME when resumable) on the same socket.
    /// </summary>
    public void InvalidateSession(bool resumable) => Locked(() =>
    {
        foreach (var connection in world.Gateway.Active.ToList())
        {
            connection.Send(GatewayProtocol.Frame(9, resumable));
            if (!resumable && connection.Session is { } session)
                session.Invalidated = true;
            world.Gateway.Detach(connection);
        }
        if (!resumable)
        {
            foreach (var session in world.Gateway.Sessions)
                session.Invalidated = true;
        }
        world.Touch();
    });

    /// <summary>
    /// Closes every open connection with this code. After 4007, 4009 and the fatal codes (4004, 4010–4014) the session
    /// ends, as the docs say the client must start a new one; after other codes it stays resumable.
    /// </summary>
    public void Close(int code, string reason = "") => Locked(() =>
    {
        foreach (var connection in world.Gateway.Active.ToList())
        {
            if (code is 4004 or 4007 or 4009 or (>= 4010 and <= 4014) && connection.Session is { } session)
                session.Invalidated = true;
            connection.Close(code, reason);
        }
    });

    /// <summary>Cuts every connection without a close frame (network failure); sessions stay resumable.</summary>
    public void DropConnection() => Locked(() =>
    {
        foreach (var connection in world.Gateway.Open.ToList())
            connection.Abort();
    });

    /// <summary>Heartbeats are recorded but no longer acknowledged (op 11), so the client should detect a zombie.</summary>
    /// <summary>What GET /gateway/bot reports as session_start_limit from now on; each session started spends one.</summary>
    public void SetSessionStartLimit(int remaining, TimeSpan resetAfter, int maxConcurrency = 1) => Locked(() =>
    {
        var hub = world.Gateway;
        (hub.BudgetRemaining, hub.StartsAtBudget, hub.BudgetResetAfter, hub.MaxConcurrency) = (remaining, hub.SessionStarts, resetAfter, maxConcurrency);
    });

    /// <summary>Sessions started by IDENTIFY (READY sent), as Discord counts them against the daily budget.</summary>
    public int SessionStarts => Locked(() => world.Gateway.SessionStarts);

    public void StopAcknowledgingHeartbeats() => Locked(() => world.Gateway.AcknowledgeHeartbeats = false);

    public void ResumeAcknowledgingHeartbeats() => Locked(() => world.Gateway.AcknowledgeHeartbeats = true);

    /// <summary>Server op 1: the client must heartbeat at once.</summary>
    public void RequestHeartbeat() => Locked(() =>
    {
        foreach (var connection in world.Gateway.Active.ToList())
            connection.Send(GatewayProtocol.Frame(1, null));
    });

    /// <summary>A dispatch of the test's choosing to every live session, sequenced and kept for replay.</summary>
    public void Dispatch(string eventName, JsonNode? data) => Locked(() => world.Gateway.DispatchRaw(eventName, data));

    /// <summary>True when a connection has a session (identified or resumed) right now.</summary>
    public bool IsConnected => Locked(() => world.Gateway.Active.Any(c => c.Session is not null));

    /// <summary>The session id of the newest live session.</summary>
    public string? SessionId => Locked(() => world.Gateway.Live.LastOrDefault()?.Id);

    /// <summary>The sequence number of the newest live session's last dispatch.</summary>
    public int LastSequence => Locked(() => world.Gateway.Live.LastOrDefault()?.Seq ?? 0);

    public IReadOnlyList<ConnectionRecord> Connections => Locked(() => world.Gateway.Connections.ToList());

    public IReadOnlyList<IdentifyRecord> Identifies => Locked(() => world.Gateway.Identifies.ToList());

    public IReadOnlyList<ResumeRecord> Resumes => Locked(() => world.Gateway.Resumes.ToList());

    public IReadOnlyList<HeartbeatRecord> Heartbeats => Locked(() => world.Gateway.Heartbeats.ToList());

    public IReadOnlyList<ReadyRecord> Readies => Locked(() => world.Gateway.Readies.ToList());

    /// <summary>Every gateway payload in and out, in order (client tokens redacted).</summary>
    public IReadOnlyList<FrameRecord> Frames => Locked(() => world.Gateway.Frames.ToList());

    /// <summary>Request Guild Members (op 8) the clients sent, with what came of each.</summary>
    public IReadOnlyList<MemberRequestRecord> MemberRequests => Locked(() => world.Gateway.MemberRequests.ToList());

    public Task<ConnectionRecord> WaitForConnectionAsync(int count = 1, TimeSpan? timeout = null) =>
        Nth(() => world.Gateway.Connections, count, timeout, "gateway connection");

    /// <summary>Waits until connection <paramref name="number"/> (1-based) has closed.</summary>
    public Task<ConnectionRecord> WaitForCloseAsync(int number, TimeSpan? timeout = null) =>
        world.Changed.WaitAsync(() => Locked(() => world.Gateway.Connections.ElementAtOrDefault(number - 1) is { ClosedAt: not null } c ? c : null),
            timeout, $"the close of gateway connection {number}");

    public Task<IdentifyRecord> WaitForIdentifyAsync(int count = 1, TimeSpan? timeout = null) =>
        Nth(() => world.Gateway.Identifies, count, timeout, "IDENTIFY");

    public Task<ResumeRecord> WaitForResumeAsync(int count = 1, TimeSpan? timeout = null) =>
        Nth(() => world.Gateway.Resumes, count, timeout, "RESUME");

    public Task<ReadyRecord> WaitForReadyAsync(int count = 1, TimeSpan? timeout = null) =>
        Nth(() => world.Gateway.Readies, count, timeout, "READY");

    public Task<HeartbeatRecord> WaitForHeartbeatAsync(int count = 1, TimeSpan? timeout = null) =>
        Nth(() => world.Gateway.Heartbeats, count, timeout, "heartbeat");

    /// <summary>Waits for any condition on the emulator (re-checked on every recorded change).</summary>
    public Task WaitUntilAsync(Func<DiscordEmulator, bool> condition, TimeSpan? timeout = null, string what = "the condition") =>
        world.Changed.WaitUntilAsync(() => condition(this), timeout, what);

    private Task<T> Nth<T>(Func<List<T>> list, int count, TimeSpan? timeout, string what) where T : class =>
        world.Changed.WaitAsync(() => Locked(() => list().ElementAtOrDefault(count - 1)), timeout, $"{what} #{count}");
}
