using System.Diagnostics;
using System.Reflection;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// Finds the bot's <c>CrossCoaching.dll</c>: the build of the Bot project in this driver's configuration (the project
/// reference builds it with the driver), built on the spot if it is missing.
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
        var dll = Path.Combine(root, "Bot", "bin", Configuration, TargetFramework, "CrossCoaching.dll");
        if (!File.Exists(dll))
            await BuildAsync(root);
        if (!File.Exists(dll))
            throw new BenchmarkException($"The build did not produce {dll}.");
        return dll;
    }

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

    private static async Task BuildAsync(string root)
    {
        Console.WriteLine($"Building the bot: dotnet build Bot/Bot.csproj -c {Configuration}");
        var info = new ProcessStartInfo(DotnetProcess.DotnetHost()) { WorkingDirectory = root, UseShellExecute = false };
        foreach (var arg in new[] { "build", "Bot/Bot.csproj", "-c", Configuration, "--nologo", "-v", "quiet" })
            info.ArgumentList.Add(arg);
        using var build = Process.Start(info)!;
        await build.WaitForExitAsync();
        if (build.ExitCode != 0)
            throw new BenchmarkException($"Building the bot failed (exit code {build.ExitCode}).");
    }

    private static string? Metadata(string key) =>
        typeof(BotBuild).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value;
}
