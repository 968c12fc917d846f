using System.ComponentModel.DataAnnotations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using TravelPermits.SharedKernel.Settings;

namespace TravelPermits.SharedKernel.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Which database the Host runs on: <c>Permits:Database:Provider</c> (<c>Sqlite</c> by default) and
/// <c>ConnectionStrings:Permits</c> (<c>data/permits.db</c> by default on SQLite, required on
/// PostgreSQL). Bound from the configuration's root, each member naming its key.
/// </summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string DefaultSqlite = "Data Source=data/permits.db";

    /// <summary>Bound from the root: its two keys are in two sections.</summary>
    public const string Section = "";

    private string? _connectionString;
    private (string Set, string Used)? _postgres; // the PostgreSQL string set, and the one used

    [ConfigurationKeyName("Permits:Database:Provider")]
    [EnumDataType(typeof(DatabaseProvider), ErrorMessage = "{0} must be 'Sqlite' or 'Postgres'.")]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string as set (<c>data/permits.db</c> when none is set on SQLite). On PostgreSQL,
    /// one that reaches the server only over this machine's loopback and chooses no <c>SSL Mode</c>
    /// gets <c>SSL Mode=Disable</c> (<see cref="WithoutTlsOnLoopback"/>).
    /// </summary>
    [ConfigurationKeyName("ConnectionStrings:Permits")]
    public string ConnectionString
    {
        get
        {
            if (string.IsNullOrWhiteSpace(_connectionString))
            {
                return Provider == DatabaseProvider.Sqlite ? DefaultSqlite : "";
            }
            if (Provider != DatabaseProvider.Postgres)
            {
                return _connectionString;
            }
            // Read by every DbContext made: worked out once per value.
            var known = _postgres;
            if (known?.Set != _connectionString)
            {
                _postgres = known = (_connectionString, WithoutTlsOnLoopback(_connectionString));
            }
            return known.Value.Used;
        }
        set => _connectionString = value;
    }

    /// <summary>
    /// TLS off for a PostgreSQL server reached over the loopback (<c>localhost</c>, <c>127.0.0.0/8</c>,
    /// <c>::1</c>) when the connection string chooses no <c>SSL Mode</c>. Npgsql's default asks for TLS
    /// whenever the server offers it, as Debian's does, and on the loopback it protects nothing (the
    /// bytes never leave the machine) while costing a tenth of the Host's CPU at the checkpoints' pace
    /// (docs/benchmarks.md). A string with its own <c>SSL Mode</c>, or any other host, is left as it is.
    /// </summary>
    public static string WithoutTlsOnLoopback(string connectionString)
    {
        var keys = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (keys.ContainsKey("SSL Mode") || keys.ContainsKey("SslMode"))
        {
            return connectionString;
        }
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        var hosts = (builder.Host ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (hosts.Length == 0 || !hosts.All(IsLoopback))
        {
            return connectionString;
        }
        builder.SslMode = Npgsql.SslMode.Disable;
        return builder.ConnectionString;
    }

    private static bool IsLoopback(string host)
    {
        // A host may carry its port (host:port, [v6]:port).
        var name = host.StartsWith('[') && host.IndexOf(']', StringComparison.Ordinal) is > 0 and var end ? host[1..end]
            : host.Count(c => c == ':') == 1 ? host[..host.IndexOf(':', StringComparison.Ordinal)] : host;
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (System.Net.IPAddress.TryParse(name, out var address) && System.Net.IPAddress.IsLoopback(address));
    }

    /// <summary>The settings read at once, for what is configured before the Host's services exist.</summary>
    public static DatabaseOptions From(IConfiguration configuration) => configuration.ReadSettings<DatabaseOptions>(Section);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("ConnectionStrings:Permits is required for PostgreSQL.");
        }
    }

    /// <summary>
    /// Points a module's DbContext at this database, with the module's own migrations history table
    /// and the model snapshot of this provider.
    /// </summary>
    public void Configure(DbContextOptionsBuilder options, string migrationsHistoryTable)
    {
        options.ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly, ProviderModelSnapshots>();
        if (Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(ConnectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable));
        }
        else
        {
            options.UseSqlite(ConnectionString, o => o.MigrationsHistoryTable(migrationsHistoryTable));
        }
    }

    /// <summary>A new, closed connection to this database, for the few reads that go around EF Core.</summary>
    public System.Data.Common.DbConnection CreateConnection() => Provider == DatabaseProvider.Postgres
        ? new Npgsql.NpgsqlConnection(ConnectionString)
        : new SqliteConnection(ConnectionString);

    /// <summary>Creates the folder of the SQLite file, so that a fresh clone starts with nothing prepared.</summary>
    internal void EnsureSqliteFolder()
    {
        if (Provider != DatabaseProvider.Sqlite)
        {
            return;
        }
        var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            return;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
