using System.Diagnostics;

namespace CrossCoaching.Tests.Hosting;

/// <summary>Runs the built bot as a real process, as an operator would.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task Without_a_token_the_process_exits_non_zero_within_seconds_naming_DISCORD_TOKEN()
    {
        using var folder = new Fakes.TempFolder();
        var start = new ProcessStartInfo("dotnet", [BotAssembly()])
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var key in new[] { "DISCORD_TOKEN", "Discord__Token" })
            start.Environment.Remove(key);
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
    private static string BotAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testOutput.Name, testOutput.Parent!.Name);
        var root = testOutput.Parent.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(root, "Bot", "bin", configuration, framework, "CrossCoaching.dll");
    }
}
