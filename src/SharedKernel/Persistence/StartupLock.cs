using Microsoft.Data.Sqlite;
using Npgsql;

namespace TravelPermits.SharedKernel.Persistence;

/// <summary>
/// Held by a starting Host while it migrates the database and creates what a first start creates
/// (the first admin, the first signing key, the demo). Several Hosts started at once on one
/// database then do this one after the other: the later ones find everything done. PostgreSQL: a
/// session advisory lock. SQLite: an exclusive lock on a file next to the database.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    private const long AdvisoryKey = 0x7472_6176_656C_5031; // "travelP1"
    private readonly NpgsqlConnection? _connection;
    private readonly FileStream? _file;

    private StartupLock(NpgsqlConnection? connection, FileStream? file) => (_connection, _file) = (connection, file);

    public static async Task<StartupLock> AcquireAsync(DatabaseOptions database, CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // Unpooled: closing it ends the session, which releases the lock.
            var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
            try
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
                command.Parameters.AddWithValue("key", AdvisoryKey);
                command.CommandTimeout = 0; // as long as the other Host's migrations take
                await command.ExecuteNonQueryAsync(cancellationToken);
                return new StartupLock(connection, null);
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        database.EnsureSqliteFolder();
        var dataSource = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:")
        {
            return new StartupLock(null, null);
        }
        var path = Path.GetFullPath(dataSource) + ".startup-lock";
        while (true)
        {
            try
            {
                // Left in place when released: deleting it would let a Host waiting on the old file
                // and one creating a new file both go ahead.
                return new StartupLock(null, new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1));
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken); // another Host is starting
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync(); // closing the session releases its advisory lock
        }
        if (_file is not null)
        {
            await _file.DisposeAsync();
        }
    }
}
