using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace TravelPermits.SharedKernel.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database the Host runs on: <c>Permits:Database:Provider</c> and <c>ConnectionStrings:Permits</c>.</summary>
public sealed class DatabaseOptions
{
    public const string DefaultSqlite = "Data Source=data/permits.db";

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;
    public string ConnectionString { get; init; } = DefaultSqlite;

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var providerText = configuration["Permits:Database:Provider"];
        var provider = string.IsNullOrWhiteSpace(providerText)
            ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException(
                    $"Permits:Database:Provider must be 'Sqlite' or 'Postgres', not '{providerText}'.");
        var connection = configuration.GetConnectionString("Permits");
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = provider == DatabaseProvider.Sqlite
                ? DefaultSqlite
                : throw new InvalidOperationException("ConnectionStrings:Permits is required for PostgreSQL.");
        }
        return new DatabaseOptions { Provider = provider, ConnectionString = connection };
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

    /// <summary>Points a module's DbContext at a connection that another module opened (to share its transaction).</summary>
    public void Configure(DbContextOptionsBuilder options, System.Data.Common.DbConnection connection)
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            options.UseNpgsql(connection);
        }
        else
        {
            options.UseSqlite(connection);
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
