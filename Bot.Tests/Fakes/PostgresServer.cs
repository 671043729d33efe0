using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CrossCoaching.Tests.Fakes;

/// <summary>
/// The PostgreSQL server the tests run against, one per test process. <see cref="EnvironmentVariable"/> may name an
/// existing server (a connection string whose user may CREATE DATABASE); otherwise a throwaway server is made from the
/// server binaries (initdb, pg_ctl from PATH or /usr/lib/postgresql/*/bin) in a temporary folder, listening on
/// 127.0.0.1 on a free port, run as an unprivileged user when the tests run as root (initdb refuses root), and stopped
/// and deleted when the test process exits — by a watchdog if the process dies without exiting cleanly.
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "CROSSCOACHING_TEST_POSTGRES";
    private const string TemplateName = "crosscoaching_template";

    private static readonly Lazy<PostgresServer> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;
    private readonly NpgsqlConnectionStringBuilder _admin;
    private readonly Lazy<string> _template;

    private PostgresServer(NpgsqlConnectionStringBuilder admin)
    {
        _admin = admin;
        _template = new Lazy<string>(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public static PostgresServer Instance => Shared.Value;

    /// <summary>A new, empty database; its connection string.</summary>
    public string CreateDatabase() => Create(template: null);

    /// <summary>
    /// A new database with every migration applied and Quartz's tables in place (a copy of a template made once per
    /// run), as a bot's database is from its second start on.
    /// </summary>
    public string CreateMigratedDatabase() => Create(_template.Value);

    /// <summary>Drops a database made by this class, closing whatever connections still use it.</summary>
    public void Drop(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using (var pooled = new NpgsqlConnection(connectionString))
            NpgsqlConnection.ClearPool(pooled);
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private string Create(string? template)
    {
        var name = $"cc_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        Execute(template is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        // Pooled, as a bot's connections are: without a pool every statement of the bot and of Quartz opened a server
        // process of its own. The pool goes with the database (Drop).
        return new NpgsqlConnectionStringBuilder(_admin.ConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    private string CreateTemplate()
    {
        var name = $"{TemplateName}_{Environment.ProcessId}";
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        Execute($"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(_admin.ConnectionString) { Database = name }.ConnectionString;
        using (var db = new TestDatabase(connectionString))
            Task.Run(() => db.Runner().MigrateAsync()).GetAwaiter().GetResult();
        // Quartz's clustered tables, once here rather than by every bot host of every test (SchedulerCluster still
        // provisions them, finding them present): the same script, from Quartz's own assembly.
        using (var connection = new NpgsqlConnection(connectionString))
        {
            connection.Open();
            foreach (var statement in QuartzSchema())
            {
                using var command = new NpgsqlCommand(statement, connection);
                command.ExecuteNonQuery();
            }
        }
        using (var pooled = new NpgsqlConnection(connectionString))
            NpgsqlConnection.ClearPool(pooled); // a template must have no session open while it is copied
        return name;
    }

    /// <summary>
    /// The statements of the PostgreSQL schema Quartz provisions itself (<c>ProvisionSchema</c>), with the default
    /// table prefix: the script's pieces are separated by a line reading <c>--;;</c>, <c>{0}</c> and <c>{1}</c> being the prefix.
    /// </summary>
    internal static IEnumerable<string> QuartzSchema()
    {
        const string Resource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";
        using var stream = typeof(Quartz.IScheduler).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Quartz no longer ships {Resource}: create its tables another way");
        using var reader = new StreamReader(stream);
        var script = reader.ReadToEnd().Replace("{0}", "qrtz_", StringComparison.Ordinal).Replace("{1}", "qrtz_", StringComparison.Ordinal);
        return [.. script.Split(["\r\n--;;\r\n", "\n--;;\n"], StringSplitOptions.None)
            .Where(piece => piece.Split('\n').Any(line => line.Trim() is { Length: > 0 } text && !text.StartsWith("--", StringComparison.Ordinal)))];
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_admin.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static PostgresServer Start()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } given)
            return new PostgresServer(new NpgsqlConnectionStringBuilder(given) { Pooling = false });
        var binaries = FindBinaries() ?? throw new InvalidOperationException(
            "The storage tests need a PostgreSQL server, and none was found: install the Debian package 'postgresql' " +
            "(apt-get install postgresql; the tests start a throwaway server from its initdb and pg_ctl, looked for on PATH " +
            $"and in /usr/lib/postgresql/*/bin), or set {EnvironmentVariable} to the connection string of a server whose " +
            "user may create databases.");
        return new PostgresServer(Throwaway.Start(binaries));
    }

    /// <summary>The folder holding both initdb and pg_ctl: on PATH first, then Debian's versioned folders, newest first.</summary>
    internal static string? FindBinaries()
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries);
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(System.IO.Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => System.IO.Path.Combine(d, "bin"))
            : [];
        return path.Concat(debian).FirstOrDefault(d =>
            File.Exists(System.IO.Path.Combine(d, "initdb")) && File.Exists(System.IO.Path.Combine(d, "pg_ctl")));
    }

    /// <summary>A server of our own: initdb, pg_ctl start, and the means to stop it whatever happens to this process.</summary>
    private static class Throwaway
    {
        public static NpgsqlConnectionStringBuilder Start(string binaries)
        {
            var folder = Directory.CreateTempSubdirectory("crosscoaching-pg-").FullName;
            var data = System.IO.Path.Combine(folder, "data");
            var asUser = Environment.UserName == "root" ? Unprivileged(folder) : [];
            Run(asUser, System.IO.Path.Combine(binaries, "initdb"),
                ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"]);

            // Stopped on a clean exit; a watchdog in its own session stops it and removes the folder if this process dies.
            var pgCtl = System.IO.Path.Combine(binaries, "pg_ctl");
            var stop = string.Join(' ', asUser.Append(pgCtl).Concat(["-D", data, "stop", "-m", "immediate"]).Select(Quote));
            StartWatchdog(stop, folder);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                TryRun("sh", ["-c", $"{stop} >/dev/null 2>&1; rm -rf {Quote(folder)}"]);
            };

            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                // A throwaway server: durability buys nothing here, and turning it off makes CREATE DATABASE cheap.
                var options = $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories={folder} -c max_connections=300 " +
                              "-c fsync=off -c synchronous_commit=off -c full_page_writes=off";
                try
                {
                    Run(asUser, pgCtl, ["-D", data, "-l", System.IO.Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", options, "start"]);
                    return new NpgsqlConnectionStringBuilder
                    {
                        Host = "127.0.0.1", Port = port, Username = "postgres", Database = "postgres", Pooling = false,
                    };
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    // The port was taken between our probe and the server's bind: try another one.
                }
            }
        }

        /// <summary>The folder handed to 'nobody', and the prefix that runs a command as that user.</summary>
        private static string[] Unprivileged(string folder)
        {
            Run([], "chown", ["-R", "nobody:", folder]);
            return ["setpriv", "--reuid=nobody", "--regid=" + Output("id", ["-g", "nobody"]).Trim(), "--clear-groups", "--"];
        }

        private static void StartWatchdog(string stop, string folder)
        {
            var pid = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            var script = $"while kill -0 {pid} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf {Quote(folder)}";
            using var watchdog = Process.Start(new ProcessStartInfo("setsid", ["sh", "-c", script])
            {
                RedirectStandardInput = true, RedirectStandardOutput = false, RedirectStandardError = false, UseShellExecute = false,
            });
        }

        private static int FreePort()
        {
            using var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            return ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        private static void Run(string[] prefix, string file, string[] args)
        {
            var all = prefix.Append(file).Concat(args).ToArray();
            var start = new ProcessStartInfo(all[0], all[1..]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{string.Join(' ', all)} failed ({process.ExitCode}): {error}{output.Result}");
        }

        private static string Output(string file, string[] args)
        {
            using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return text;
        }

        private static void TryRun(string file, string[] args)
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
                process.WaitForExit(10_000);
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Best effort at exit: the watchdog stops the server anyway.
            }
        }

        private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
