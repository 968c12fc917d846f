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

    [ConfigurationKeyName("Permits:Database:Provider")]
    [EnumDataType(typeof(DatabaseProvider), ErrorMessage = "{0} must be 'Sqlite' or 'Postgres'.")]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    [ConfigurationKeyName("ConnectionStrings:Permits")]
    public string ConnectionString
    {
        get => string.IsNullOrWhiteSpace(_connectionString) && Provider == DatabaseProvider.Sqlite ? DefaultSqlite : _connectionString ?? "";
        set => _connectionString = value;
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
