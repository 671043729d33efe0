using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// Finds the bot to measure: what an operator runs, the bot published for this platform
/// (<c>dotnet publish -c Release -r linux-x64</c>, compiled ahead of time, with its tiered compilation off), not the
/// plain build, whose start-up and memory differ. It is published again when the build the driver's project reference
/// refreshes is newer than the published copy.
/// </summary>
public static class BotBuild
{
    public static string Configuration => Metadata("Configuration") ?? "Release";

    private static string TargetFramework => Metadata("TargetFramework") ?? "net10.0";

    public static async Task<string> LocateAsync(string? explicitPath)
    {
        if (explicitPath is not null)
            return File.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : throw new BenchmarkException($"No bot at {explicitPath}.");

        var root = RepositoryRoot();
        var build = Path.Combine(root, "Bot", "bin", Configuration, TargetFramework);
        var published = Path.Combine(build, RuntimeInformation.RuntimeIdentifier, "publish", "CrossCoaching.dll");
        if (IsStale(published, Path.Combine(build, "CrossCoaching.dll")))
            await PublishAsync(root);
        if (!File.Exists(published))
            throw new BenchmarkException($"Publishing did not produce {published}.");
        return published;
    }

    /// <summary>Whether the published bot is missing or older than the project's latest build of it.</summary>
    public static bool IsStale(string published, string built) =>
        !File.Exists(published) || (File.Exists(built) && File.GetLastWriteTimeUtc(built) > File.GetLastWriteTimeUtc(published));

    /// <summary>The folder holding CrossCoaching.sln, found upwards from this driver's output folder.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CrossCoaching.sln")))
                return folder.FullName;
        }

        throw new BenchmarkException($"No CrossCoaching.sln above {AppContext.BaseDirectory}; pass --bot <path to CrossCoaching.dll>.");
    }

    private static async Task PublishAsync(string root)
    {
        string[] args = ["publish", "Bot/Bot.csproj", "-c", Configuration, "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "--nologo", "-v", "quiet"];
        Console.WriteLine($"Publishing the bot (about 2 min): dotnet {string.Join(' ', args)}");
        var info = new ProcessStartInfo(DotnetProcess.DotnetHost()) { WorkingDirectory = root, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        using var publish = Process.Start(info)!;
        await publish.WaitForExitAsync();
        if (publish.ExitCode != 0)
            throw new BenchmarkException($"Publishing the bot failed (exit code {publish.ExitCode}).");
    }

    private static string? Metadata(string key) =>
        typeof(BotBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}
