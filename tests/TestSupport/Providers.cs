using Microsoft.Data.Sqlite;
using Npgsql;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.TestSupport;

public sealed class SqliteHost : PermitsHost
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<(string?, string?)> CreateDatabaseAsync() =>
        Task.FromResult<(string?, string?)>((Databases.Sqlite(WorkDirectory), null));

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }
}

public sealed class PostgresHost : PermitsHost
{
    private string? _database;

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override async Task<(string?, string?)> CreateDatabaseAsync()
    {
        var created = await Databases.CreatePostgresAsync();
        _database = created.Database;
        return (created.ConnectionString, created.Unavailable);
    }

    protected override Task DropDatabaseAsync() => Databases.DropPostgresAsync(_database);
}

/// <summary>
/// Fresh databases for tests. PostgreSQL comes from <c>PERMITS_TEST_POSTGRES</c> (a connection
/// string whose user may create databases); without it those tests are skipped, unless
/// <c>PERMITS_TEST_REQUIRE_POSTGRES=1</c> (CI), where its absence fails them.
/// </summary>
public static class Databases
{
    public static string? PostgresServer => Environment.GetEnvironmentVariable("PERMITS_TEST_POSTGRES");

    public static bool PostgresRequired => Environment.GetEnvironmentVariable("PERMITS_TEST_REQUIRE_POSTGRES") == "1";

    public static string Sqlite(string folder) => $"Data Source={Path.Combine(folder, "permits.db")}";

    public static async Task<(string? ConnectionString, string? Database, string? Unavailable)> CreatePostgresAsync()
    {
        if (string.IsNullOrWhiteSpace(PostgresServer))
        {
            const string reason = "PostgreSQL tests need PERMITS_TEST_POSTGRES (see README).";
            return PostgresRequired ? throw new InvalidOperationException(reason) : (null, null, reason);
        }
        var name = $"permits_test_{Guid.NewGuid():N}"[..28];
        await using (var admin = new NpgsqlConnection(Server("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }
        return (Server(name), name, null);
    }

    public static async Task DropPostgresAsync(string? database)
    {
        if (database is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(Server("postgres"));
        await admin.OpenAsync();
        // Sessions of killed Host processes may linger a moment: try again for a while, then leave
        // the database behind rather than fail a test on its clean-up.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException) when (attempt < 20)
            {
                await Task.Delay(250);
            }
            catch (PostgresException)
            {
                return;
            }
        }
    }

    private static string Server(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ConnectionString;
}
