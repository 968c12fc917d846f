using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TravelPermits.Permits.Contracts;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Permits.Verify;

/// <summary>What a verification needs of a permit's row, and the lockdown of its ward in force when it was read.</summary>
internal sealed record PermitState(
    Guid Id, PermitStatus Status, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, string HolderName, string IdNumberMasked,
    string IdNumber, DateOnly DateOfBirth, string? EnterpriseName, string WardName, string CityCode, string WardCode, Lockdown? Lockdown);

/// <summary>A lockdown of the permit's ward in force: why, and since when.</summary>
internal sealed record Lockdown(string Reason, DateTimeOffset Since);

/// <summary>
/// The verification's one database read, the hottest query of the system, in plain ADO.NET on
/// connections kept open with the statement prepared: EF Core's context and query pipeline
/// cost several times the read itself (docs/benchmarks.md). Every read starts after the request
/// asking for it arrived, so it sees every change committed before: a revocation shows at the
/// next verification, on every instance.
/// <list type="bullet">
/// <item>SQLite is in the process: each verification reads its row on a pooled open connection.</item>
/// <item>PostgreSQL is a round trip away: the permits asked for while a read is in flight are read
/// together by the next one (<c>"Id" = ANY(@ids)</c>, like a commit group), on a few connections.</item>
/// </list>
/// The same read gives the lockdown of the permit's ward in force then, if any
/// (<c>prm_ward_suspensions</c>, docs/adr/0019): a lockdown shows at the next verification too.
/// The columns are those of the module's migrations; the tests of verification run on both providers.
/// </summary>
internal sealed class PermitReads : IAsyncDisposable
{
    /// <summary>The permit, and the window of its ward open at <c>@now</c> (a ward's windows never overlap: one row at most).</summary>
    private const string Columns = """
        SELECT p."Id", p."Status", p."ValidFrom", p."ValidTo", p."HolderName", p."IdNumberMasked", p."IdNumber", p."DateOfBirth",
               p."EnterpriseName", p."WardName", p."CityCode", p."WardCode", s."Reason", s."Since"
        FROM prm_permits p
        LEFT JOIN prm_ward_suspensions s
          ON s."WardCode" = p."WardCode" AND s."Since" <= @now AND (s."Until" IS NULL OR s."Until" > @now)
        """;

    private static readonly int MaxIdle = Environment.ProcessorCount * 4;
    private readonly DatabaseOptions _database;
    private readonly TimeProvider _time;
    private readonly ILogger<PermitReads> _log;
    private readonly bool _sqlite;
    private readonly int _readers;
    private readonly int _maxBatch;
    private readonly ConcurrentQueue<OpenStatement> _idle = new(); // Count is cheap, unlike a ConcurrentBag's (which takes every lock)
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _start = new();
    private Task[]? _loops;

    public PermitReads(DatabaseOptions database, IOptions<VerifyOptions> options, TimeProvider time, ILogger<PermitReads> log)
    {
        _database = database;
        _time = time;
        _log = log;
        _sqlite = database.Provider == DatabaseProvider.Sqlite;
        _readers = options.Value.Readers;
        _maxBatch = options.Value.MaxBatch;
    }

    public Task<PermitState?> ReadAsync(Guid id, CancellationToken ct)
    {
        if (_sqlite)
        {
            return Task.FromResult(ReadSqlite(id));
        }
        EnsureStarted();
        var pending = new Pending(id, new TaskCompletionSource<PermitState?>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PermitReads));
        }
        return pending.Done.Task.WaitAsync(ct);
    }

    // ------------------------------------------------------------------ SQLite: one row, inline

    private PermitState? ReadSqlite(Guid id)
    {
        ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
        if (!_idle.TryDequeue(out var statement))
        {
            statement = OpenStatement.Create(_database, $"{Columns} WHERE p.\"Id\" = @id", DbType.String);
        }
        PermitState? row;
        try
        {
            statement.Parameter.Value = UpperText(id);
            statement.Now.Value = _time.GetUtcNow().UtcTicks;
            using var reader = statement.Command.ExecuteReader(CommandBehavior.SingleRow);
            row = reader.Read() ? Row(reader) : null;
        }
        catch
        {
            statement.Dispose();
            throw;
        }
        // Back to the pool only once its reader is closed: another thread may take it at once.
        if (_idle.Count < MaxIdle)
        {
            _idle.Enqueue(statement);
        }
        else
        {
            statement.Dispose();
        }
        return row;
    }

    /// <summary>The id as EF Core keeps a Guid in SQLite (upper-case text), in one allocation.</summary>
    private static string UpperText(Guid id) => string.Create(36, id, static (text, g) =>
    {
        g.TryFormat(text, out _);
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = char.ToUpperInvariant(text[i]);
        }
    });

    // ------------------------------------------------------------------ PostgreSQL: coalesced reads

    private void EnsureStarted()
    {
        if (Volatile.Read(ref _loops) is not null)
        {
            return;
        }
        lock (_start)
        {
            _loops ??= Enumerable.Range(0, _readers).Select(_ => Task.Run(ReadLoopAsync)).ToArray();
        }
    }

    private async Task ReadLoopAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        OpenStatement? statement = null;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stop.Token))
            {
                batch.Clear();
                while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }
                if (batch.Count == 0)
                {
                    continue;
                }
                try
                {
                    statement ??= OpenStatement.Create(_database, $"{Columns} WHERE p.\"Id\" = ANY(@id)", null);
                    statement.Parameter.Value = batch.Select(p => p.Id).Distinct().ToArray();
                    // Read after every request of the batch arrived: a lockdown in force then shows.
                    statement.Now.Value = _time.GetUtcNow().ToUniversalTime();
                    var rows = new Dictionary<Guid, PermitState>(batch.Count);
                    await using (var reader = await statement.Command.ExecuteReaderAsync(_stop.Token))
                    {
                        while (await reader.ReadAsync(_stop.Token))
                        {
                            var row = Row(reader);
                            rows[row.Id] = row;
                        }
                    }
                    foreach (var p in batch)
                    {
                        p.Done.TrySetResult(rows.GetValueOrDefault(p.Id));
                    }
                }
                catch (Exception e) when (!_stop.IsCancellationRequested)
                {
                    _log.LogWarning(e, "Reading {Count} permits for verification failed", batch.Count);
                    foreach (var p in batch)
                    {
                        p.Done.TrySetException(e);
                    }
                    statement?.Dispose(); // a new connection for the next batch
                    statement = null;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var p in batch)
            {
                p.Done.TrySetCanceled();
            }
            statement?.Dispose();
        }
    }

    private PermitState Row(DbDataReader r) => new(
        r.GetGuid(0), PermitStatuses.Parse(r.GetString(1)), Instant(r, 2), Instant(r, 3), r.GetString(4), r.GetString(5), r.GetString(6),
        r.GetFieldValue<DateOnly>(7), r.IsDBNull(8) ? null : r.GetString(8), r.GetString(9), r.GetString(10), r.GetString(11),
        r.IsDBNull(12) ? null : new Lockdown(r.GetString(12), Instant(r, 13)));

    /// <summary>Instants are UTC ticks on SQLite (<c>ModelConventions</c>), <c>timestamptz</c> on PostgreSQL.</summary>
    private DateTimeOffset Instant(DbDataReader r, int column) =>
        _sqlite ? new DateTimeOffset(r.GetInt64(column), TimeSpan.Zero) : r.GetFieldValue<DateTimeOffset>(column);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        if (_loops is { } loops)
        {
            await Task.WhenAll(loops).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        while (_queue.Reader.TryRead(out var p))
        {
            p.Done.TrySetCanceled();
        }
        while (_idle.TryDequeue(out var statement))
        {
            statement.Dispose();
        }
        _stop.Dispose();
    }

    private sealed record Pending(Guid Id, TaskCompletionSource<PermitState?> Done);

    /// <summary>An open connection with its one prepared statement.</summary>
    private sealed class OpenStatement(DbConnection connection, DbCommand command, DbParameter parameter, DbParameter now) : IDisposable
    {
        public DbCommand Command { get; } = command;
        public DbParameter Parameter { get; } = parameter;

        /// <summary>The instant whose lockdowns count: UTC ticks on SQLite, a UTC <c>timestamptz</c> on PostgreSQL.</summary>
        public DbParameter Now { get; } = now;

        public static OpenStatement Create(DatabaseOptions database, string sql, DbType? type)
        {
            var connection = database.CreateConnection();
            try
            {
                connection.Open();
                var command = connection.CreateCommand();
                command.CommandText = sql;
                var parameter = command.CreateParameter();
                parameter.ParameterName = "id";
                if (type is { } t)
                {
                    parameter.DbType = t;
                }
                else
                {
                    parameter.Value = Array.Empty<Guid>(); // uuid[]: its type is known before Prepare
                }
                command.Parameters.Add(parameter);
                var now = command.CreateParameter();
                now.ParameterName = "now";
                if (type is not null) // SQLite: instants are ticks
                {
                    now.DbType = DbType.Int64;
                }
                else
                {
                    now.Value = DateTimeOffset.UnixEpoch;
                }
                command.Parameters.Add(now);
                command.Prepare();
                return new OpenStatement(connection, command, parameter, now);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            Command.Dispose();
            connection.Dispose();
        }
    }
}
