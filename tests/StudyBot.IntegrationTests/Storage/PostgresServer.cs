using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using StudyBot.Core.Storage;

namespace StudyBot.IntegrationTests.Storage;

/// <summary>
/// A throw-away PostgreSQL cluster from Debian's package (<c>initdb</c> and <c>pg_ctl</c> under
/// /usr/lib/postgresql/*/bin; <c>tests/run.sh</c> installs it when missing): in a temp folder, on a free loopback
/// port, run as a non-root user (initdb refuses root, so as root it runs as the package's <c>postgres</c> user), and
/// removed after the tests. Each test gets a database of its own with <see cref="CreateDatabase"/>.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>How long the server may take to start or stop (pg_ctl's -t).</summary>
    private const int PgCtlTimeoutSeconds = 60;
    private const string User = "studybot";

    /// <summary>The cluster's data, log and Unix socket (a short path: a socket's is at most 107 bytes).</summary>
    private readonly TempFolder _folder = new("studybot-pg-");
    private string? _bin;
    private bool _started;

    public int Port { get; private set; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>The settings that put a bot (or a quiz harness) on database <paramref name="database"/> of this server.</summary>
    public Dictionary<string, string?> Settings(string database) => new()
    {
        ["Storage:Provider"] = nameof(StorageProvider.Postgres),
        ["Storage:ConnectionString"] = ConnectionString(database),
    };

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = User,
        Database = database,
        Timeout = 15,
        CommandTimeout = 60,
    }.ConnectionString;

    /// <summary>
    /// Creates a database (once; the name is derived from <paramref name="key"/>, so a "restarted" bot on the same key
    /// finds the same data) and returns its name.
    /// </summary>
    public string CreateDatabase(string key)
    {
        var name = "t" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..20];
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name;", connection);
        exists.Parameters.AddWithValue("name", name);
        if (exists.ExecuteScalar() is null)
        {
            using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\";", connection);
            create.ExecuteNonQuery();
        }

        return name;
    }

    public async Task InitializeAsync()
    {
        _bin = FindBin() ?? throw new InvalidOperationException(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). tests/run.sh installs it; or: apt-get install postgresql");

        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The PostgreSQL tests use Debian's package; they run on Linux.");
        }

        // The server runs as another user when the tests run as root: it must be able to write the folder (and to
        // reach it: tests/run.sh's temp folder for the run lets others through).
        File.SetUnixFileMode(_folder, (UnixFileMode)0b111_111_111); // chmod, not mkdir: the umask would cut the mode
        await RunAsync("initdb", "-D", DataFolder, "--username", User, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");

        // A port picked free may be taken by someone else before the server binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            await File.AppendAllTextAsync(Path.Combine(DataFolder, "postgresql.conf"), $"""

                port = {Port}
                listen_addresses = '127.0.0.1'
                unix_socket_directories = '{_folder}'
                max_connections = 300
                fsync = off
                synchronous_commit = off
                full_page_writes = off
                """);
            try
            {
                await RunAsync("pg_ctl", "-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", PgCtlTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "start");
                _started = true;
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Settings appended later win over earlier ones in postgresql.conf, so the next port replaces this one.
            }
        }
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            if (_started)
            {
                await RunAsync("pg_ctl", "-D", DataFolder, "-m", "immediate", "-w", "-t", PgCtlTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture), "stop");
            }
        }
        finally
        {
            _folder.Dispose();
        }
    }

    private static string? FindBin() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Runs a PostgreSQL tool (as the <c>postgres</c> user when the tests run as root); throws with its output when it fails.</summary>
    private async Task RunAsync(string tool, params string[] arguments)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Environment.UserName == "root")
        {
            info.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", Path.Combine(_bin!, tool)])
            {
                info.ArgumentList.Add(a);
            }
        }
        else
        {
            info.FileName = Path.Combine(_bin!, tool);
        }

        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(PgCtlTimeoutSeconds + 30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{tool} did not finish within {PgCtlTimeoutSeconds + 30} s.");
        }

        if (process.ExitCode != 0)
        {
            var log = Path.Combine(_folder, "server.log");
            throw new InvalidOperationException(
                $"{tool} failed ({process.ExitCode}): {await output}{await error}{(File.Exists(log) ? await File.ReadAllTextAsync(log) : string.Empty)}");
        }
    }
}

/// <summary>Test classes that need PostgreSQL share one throw-away cluster.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
