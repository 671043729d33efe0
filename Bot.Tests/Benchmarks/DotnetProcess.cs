using System.Diagnostics;

namespace CrossCoaching.Benchmarks;

/// <summary>
/// A .NET program run as an operator runs it — <c>dotnet app.dll</c>, settings in the environment — with its console
/// output in a log file. The process id is the runtime's own (the dotnet host runs the app in-process), so its
/// /proc entry is the app's memory.
/// </summary>
public sealed class DotnetProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logSync = new();

    private DotnetProcess(Process process, StreamWriter log, string logPath) => (_process, _log, LogPath) = (process, log, logPath);

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string LogPath { get; }

    /// <param name="logName">The log file's name in <paramref name="folder"/>; by default the dll's name with .log.</param>
    public static DotnetProcess Start(string dll, IEnumerable<string> args, string folder, IReadOnlyDictionary<string, string> environment, string? logName = null)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment)
            info.Environment[key] = value;

        var logPath = Path.Combine(folder, logName ?? Path.GetFileNameWithoutExtension(dll) + ".log");
        var child = new DotnetProcess(new Process { StartInfo = info }, new StreamWriter(logPath) { AutoFlush = true }, logPath);
        child._process.OutputDataReceived += (_, e) => child.Log(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Log(e.Data);
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The dotnet host that runs this driver when there is one (so the same runtime runs both), else dotnet from PATH.</summary>
    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Waits for <paramref name="task"/>, failing at once (with the end of the log) if the process exits first or the wait times out.</summary>
    public async Task WhileRunningAsync(Task task, string what)
    {
        var exited = _process.WaitForExitAsync();
        if (await Task.WhenAny(task, exited) == exited)
            throw new BenchmarkException($"The process exited with code {_process.ExitCode} while waiting for {what}. End of its log:\n{Tail(30)}");
        try
        {
            await task;
        }
        catch (TimeoutException e)
        {
            throw new BenchmarkException($"{e.Message} End of the process's log:\n{Tail(30)}");
        }
    }

    public string Tail(int lines)
    {
        lock (_logSync)
            _log.Flush();
        using var reader = new StreamReader(new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return string.Join('\n', reader.ReadToEnd().Split('\n').TakeLast(lines));
    }

    /// <summary>Stops it as SIGTERM would (the host's graceful stop), killing it if it has not exited in time.</summary>
    /// <returns>The exit code.</returns>
    public async Task<int> StopAsync(TimeSpan? patience = null)
    {
        if (!_process.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(patience ?? TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        return _process.ExitCode;
    }

    /// <summary>SIGKILL, as a crash or the OOM killer ends a process: no graceful stop, nothing flushed.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        lock (_logSync)
            _log.Dispose();
    }

    private void Log(string? line)
    {
        if (line is null)
            return;
        lock (_logSync)
        {
            // A killed process's last lines can arrive after its log was closed.
            if (_log.BaseStream is not null)
                _log.WriteLine(line);
        }
    }
}

/// <summary>A benchmark could not run (the bot did not start, the emulator saw no READY…): reported, not a crash.</summary>
public sealed class BenchmarkException(string message) : Exception(message);
