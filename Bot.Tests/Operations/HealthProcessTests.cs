using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CrossCoaching.Tests.Hosting;

namespace CrossCoaching.Tests.Operations;

/// <summary>The built bot as a real process: JSON logs on its console, and its own <c>healthcheck</c> command asking it.</summary>
public sealed class HealthProcessTests
{
    private static ProcessStartInfo Start(Fakes.TempFolder folder, int port, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [ProcessTests.BotAssembly(), .. args])
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in new[] { "DISCORD_TOKEN", "Discord__Token", "Logging__Console__FormatterName" })
            start.Environment.Remove(key);
        start.Environment["Health__Port"] = port.ToString(CultureInfo.InvariantCulture);
        return start;
    }

    private static async Task<(int Code, string Output)> HealthcheckAsync(Fakes.TempFolder folder, int port, string which)
    {
        using var process = Process.Start(Start(folder, port, "healthcheck", which))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task The_healthcheck_command_exits_0_for_a_live_bot_1_while_it_is_not_ready_or_gone_and_the_logs_are_JSON()
    {
        using var folder = new Fakes.TempFolder();
        var port = HealthEndpointTests.FreePort();
        var start = Start(folder, port);
        start.Environment["DISCORD_TOKEN"] = "not-a-real-token";
        start.Environment["Discord__ApiBaseUrl"] = "http://127.0.0.1:9/api/v10"; // Discord unreachable: never READY
        start.Environment["ConnectionStrings__CrossCoaching"] = $"Data Source={folder.File("data", "bot.db")}";
        start.Environment["Logging__Console__FormatterName"] = "json";

        using var bot = Process.Start(start)!;
        var started = new TaskCompletionSource();
        var output = new StringBuilder();
        bot.OutputDataReceived += (_, e) =>
        {
            lock (output) output.AppendLine(e.Data);
            if (e.Data?.Contains(" started", StringComparison.Ordinal) == true) started.TrySetResult();
        };
        bot.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        bot.BeginOutputReadLine();
        bot.BeginErrorReadLine();
        try
        {
            await started.Task.WaitAsync(TimeSpan.FromSeconds(60));

            var live = await HealthcheckAsync(folder, port, "live");
            Assert.True(live.Code == 0, live.Output);
            var ready = await HealthcheckAsync(folder, port, "ready");
            Assert.Equal(1, ready.Code);
            Assert.Contains("database: ok", ready.Output, StringComparison.Ordinal);
            Assert.Contains("shard 0: disconnected", ready.Output, StringComparison.Ordinal);
        }
        finally
        {
            using (var kill = Process.Start("kill", ["-TERM", bot.Id.ToString(CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await bot.WaitForExitAsync(timeout.Token);
        }

        Assert.Equal(1, (await HealthcheckAsync(folder, port, "live")).Code);
        string log;
        lock (output) log = output.ToString();
        var lines = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.Contains("Health endpoint listening", StringComparison.Ordinal));
        Assert.All(lines, l => JsonDocument.Parse(l).Dispose());
        Assert.DoesNotContain("not-a-real-token", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_the_endpoint_off_the_healthcheck_command_fails_and_says_so()
    {
        using var folder = new Fakes.TempFolder();

        var (code, output) = await HealthcheckAsync(folder, 0, "ready");

        Assert.Equal(1, code);
        Assert.Contains("Health__Port", output, StringComparison.Ordinal);
    }
}
