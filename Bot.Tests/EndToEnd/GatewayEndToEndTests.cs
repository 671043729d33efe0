using CrossCoaching.Tests.Emulator;

namespace CrossCoaching.Tests.EndToEnd;

/// <summary>The real host's gateway session against the emulated Discord: identify, heartbeats, resume, re-identify, fatal codes.</summary>
public sealed class GatewayEndToEndTests
{
    [Fact]
    public async Task The_bot_identifies_with_two_intents_and_heartbeats_with_the_last_sequence()
    {
        await using var bot = await BotHarness.StartAsync();

        var identify = Assert.Single(bot.Discord.Identifies);
        Assert.Equal(129, identify.Intents);
        await bot.Discord.WaitForHeartbeatAsync(2);
        var beat = bot.Discord.Heartbeats[^1];
        Assert.True(beat.Sequence >= 1, "heartbeats carry the last sequence received");
        Assert.Contains(bot.Discord.Frames, f => f.Direction == FrameDirection.Out && f.Text.Contains("\"op\":11", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_zombie_connection_is_closed_and_resumed_without_a_new_identify()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Discord.WaitForHeartbeatAsync(1);

        bot.Discord.StopAcknowledgingHeartbeats();
        ResumeRecord resume;
        try
        {
            resume = await bot.Discord.WaitForResumeAsync(1, TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException(Describe(bot));
        }

        bot.Discord.ResumeAcknowledgingHeartbeats();

        Assert.Equal("/resume-gateway", resume.Path);
        Assert.True(bot.Discord.Identifies.Count == 1, Describe(bot));
        // The old connection's close frame is read on its own loop, which may come after the new connection's resume.
        var zombie = bot.Discord.Connections[0];
        await bot.Discord.WaitUntilAsync(_ => zombie.ClientCloseCode is not null, TimeSpan.FromSeconds(10), "the zombie connection's close code");
        Assert.True(zombie.ClientCloseCode is not 1000 and not 1001, Describe(bot));
        await bot.Discord.WaitUntilAsync(d => d.Resumes[^1].Outcome == "resumed", what: "the resume to succeed");
    }

    [Fact]
    public async Task Op_7_resumes_at_the_resume_url_with_the_right_sequence()
    {
        await using var bot = await BotHarness.StartAsync();
        await bot.Discord.WaitForHeartbeatAsync(1);
        var sequence = bot.Discord.LastSequence;

        bot.Discord.SendReconnect();
        var resume = await bot.Discord.WaitForResumeAsync(1, TimeSpan.FromSeconds(20));

        Assert.Equal(("/resume-gateway", (long?)sequence, bot.Discord.Readies[0].SessionId), (resume.Path, resume.Seq, resume.SessionId));
        Assert.Single(bot.Discord.Identifies);
    }

    [Fact]
    public async Task A_dropped_connection_is_resumed()
    {
        await using var bot = await BotHarness.StartAsync();

        bot.Discord.DropConnection();
        ResumeRecord resume;
        try
        {
            resume = await bot.Discord.WaitForResumeAsync(1, TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException(Describe(bot));
        }

        Assert.Equal("/resume-gateway", resume.Path);
        await bot.Discord.WaitUntilAsync(d => d.Resumes[^1].Outcome == "resumed", what: "the resume to succeed");
        Assert.True(bot.Discord.Identifies.Count == 1, Describe(bot));
    }

    [Fact]
    public async Task Events_missed_while_disconnected_are_replayed_on_resume()
    {
        await using var bot = await BotHarness.StartAsync();
        var owner = bot.Discord.AddUser("owner");

        bot.Discord.DropConnection();
        var guild = bot.Discord.AddGuild("Joined while away", owner);
        await bot.Discord.WaitForResumeAsync(1, TimeSpan.FromSeconds(20));

        await bot.Discord.WaitUntilAsync(_ => bot.Get<CrossCoaching.Discord.IGuildCache>().GetGuild(guild.Id) is not null, what: "the replayed GUILD_CREATE");
    }

    [Fact]
    public async Task An_invalid_session_re_identifies_after_one_to_five_seconds_on_the_gateway_url()
    {
        await using var bot = await BotHarness.StartAsync();

        bot.Discord.InvalidateSession(resumable: false);
        var sentAt = bot.Discord.Now;
        var identify = await bot.Discord.WaitForIdentifyAsync(2, TimeSpan.FromSeconds(15));

        var waited = identify.At - sentAt;
        Assert.InRange(waited, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5.5));
        Assert.Equal("/gateway", bot.Discord.Connections[identify.Connection - 1].Path);
        Assert.Empty(bot.Discord.Resumes);
    }

    [Fact]
    public async Task A_rejected_token_stops_the_host_with_a_non_zero_code_a_clear_line_and_no_reconnect_loop()
    {
        await using var bot = await BotHarness.StartAsync();

        bot.Discord.Close(4004, "Authentication failed.");
        var code = await bot.Exited.WaitAsync(TimeSpan.FromSeconds(15));

        Assert.NotEqual(0, code);
        Assert.Contains(bot.Logs.Lines, l => l.StartsWith("Critical", StringComparison.Ordinal) && l.Contains("token", StringComparison.OrdinalIgnoreCase));
        await Task.Delay(1500);
        Assert.Single(bot.Discord.Connections);
        Assert.DoesNotContain(bot.Discord.Token, bot.Logs.All, StringComparison.Ordinal);
    }

    private static string Describe(BotHarness bot) =>
        string.Join("\n", bot.Discord.Connections.Select(c => c.ToString()))
        + "\nresumes: " + string.Join("; ", bot.Discord.Resumes.Select(r => $"{r.At:HH:mm:ss.fff} {r.Path} seq {r.Seq} {r.Outcome}"))
        + "\nidentifies: " + string.Join("; ", bot.Discord.Identifies.Select(i => $"{i.At:HH:mm:ss.fff} conn {i.Connection} {i.Outcome}"))
        + "\n" + string.Join("\n", bot.Logs.Lines.Where(l => l.Contains("Gateway", StringComparison.Ordinal)));
}
