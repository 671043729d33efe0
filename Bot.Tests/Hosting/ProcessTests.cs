using System.Diagnostics;

namespace CrossCoaching.Tests.Hosting;

/// <summary>Runs the built bot as a real process, as an operator would.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task SIGTERM_stops_a_running_bot_cleanly_within_seconds()
    {
        using var folder = new Fakes.TempFolder();
        var start = BotProcess(folder);
        start.Environment["DISCORD_TOKEN"] = "not-a-real-token";
        // Nothing listens there: the bot keeps trying to reach Discord, as during an outage.
        start.Environment["Discord__ApiBaseUrl"] = "http://127.0.0.1:9/api/v10";
        start.Environment["ConnectionStrings__CrossCoaching"] = $"Data Source={folder.File("data", "bot.db")}";

        using var process = Process.Start(start)!;
        var started = new TaskCompletionSource();
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) =>
        {
            lock (output) output.AppendLine(e.Data);
            if (e.Data?.Contains(" started", StringComparison.Ordinal) == true) started.TrySetResult();
        };
        process.ErrorDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(500);

        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), $"took {clock.Elapsed}");
        Assert.Equal(0, process.ExitCode);
        lock (output) Assert.DoesNotContain("not-a-real-token", output.ToString(), StringComparison.Ordinal);
    }

    private static ProcessStartInfo BotProcess(Fakes.TempFolder folder)
    {
        var start = new ProcessStartInfo("dotnet", [BotAssembly()])
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in new[] { "DISCORD_TOKEN", "Discord__Token" })
            start.Environment.Remove(key);
        return start;
    }

    [Fact]
    public async Task Without_a_token_the_process_exits_non_zero_within_seconds_naming_DISCORD_TOKEN()
    {
        using var folder = new Fakes.TempFolder();
        var start = BotProcess(folder);
        var clock = Stopwatch.StartNew();

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var output = await stdout + await stderr;

        Assert.NotEqual(0, process.ExitCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Contains("DISCORD_TOKEN", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The bot as built in its own folder (Bot/bin/&lt;configuration&gt;/net10.0): the copy beside the tests resolves
    /// Microsoft.Extensions from the ASP.NET Core framework the emulator brings, which the bot does not run with.
    /// </summary>
    internal static string BotAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testOutput.Name, testOutput.Parent!.Name);
        var root = testOutput.Parent.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(root, "Bot", "bin", configuration, framework, "CrossCoaching.dll");
    }
}
