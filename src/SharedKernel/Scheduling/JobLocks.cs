using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.SharedKernel.Scheduling;

/// <summary>
/// Keeps two runs of one job from working at once, on any Host of the database, and dies with its
/// holder: a Host killed in the middle of a job leaves nothing that stops the next one. (Hangfire's
/// <c>DisableConcurrentExecution</c> on PostgreSQL keeps a row that outlives a killed holder until
/// its timeout, ADR 15.) It saves work only: what a job changes is guarded in the database anyway.
/// </summary>
public interface IJobLocks
{
    /// <summary>The lock, held until disposed; null when another run holds it for longer than <paramref name="wait"/>.</summary>
    Task<IAsyncDisposable?> TryTakeAsync(string name, TimeSpan wait, CancellationToken ct);
}

/// <summary>PostgreSQL: a session advisory lock on a connection of its own, released when it closes, or when its process dies.</summary>
internal sealed class AdvisoryJobLocks(DatabaseOptions database) : IJobLocks
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(250);

    public async Task<IAsyncDisposable?> TryTakeAsync(string name, TimeSpan wait, CancellationToken ct)
    {
        var key = Key(name);
        // Not pooled: a pooled connection would keep the session, and the lock, after it is returned.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            var deadline = DateTime.UtcNow + wait;
            while (true)
            {
                await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
                command.Parameters.AddWithValue("key", key);
                if (await command.ExecuteScalarAsync(ct) is true)
                {
                    return new Held(connection);
                }
                if (DateTime.UtcNow >= deadline)
                {
                    await connection.DisposeAsync();
                    return null;
                }
                await Task.Delay(Retry, ct);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A stable 64-bit key per name (advisory locks are keyed by numbers).</summary>
    private static long Key(string name) => BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes("travel-permits.job:" + name)));

    private sealed class Held(NpgsqlConnection connection) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => connection.DisposeAsync(); // closing the session releases its locks
    }
}

/// <summary>SQLite: one Host, whose job storage is in its memory too; a lock of this process.</summary>
internal sealed class InProcessJobLocks : IJobLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public async Task<IAsyncDisposable?> TryTakeAsync(string name, TimeSpan wait, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        return await gate.WaitAsync(wait, ct) ? new Held(gate) : null;
    }

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
            return ValueTask.CompletedTask;
        }
    }
}
