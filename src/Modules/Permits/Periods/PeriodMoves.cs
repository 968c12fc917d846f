using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TravelPermits.Permits.Periods;

/// <summary>What a period's end does to one permit, as its grain asks it.</summary>
internal abstract record PeriodMove
{
    /// <summary>Into the next period, counted in the rollover between the two.</summary>
    public sealed record Carry(Guid FromPeriodId, Guid ToPeriodId) : PeriodMove;

    /// <summary>Expired: the period's permits (it has ended), or with no period those whose validity ended by <paramref name="EndedBy"/>.</summary>
    public sealed record Expiry(Guid? PeriodId, DateTimeOffset EndedBy) : PeriodMove;
}

/// <summary>
/// Commits the period-end moves that permit grains ask for together, like a database's group
/// commit: while one transaction is written, the moves asked meanwhile wait, and the next takes
/// them all (up to <see cref="PeriodEndOptions.BatchSize"/>). A rollover's batch of 2,000 permits is
/// then a few transactions, not 2,000, and each keeps its progress with the permits it moves
/// (<see cref="PeriodMoveWriter"/>). One writer per Host; the database's work lock orders the Hosts'.
/// </summary>
internal sealed partial class PeriodMoves(IServiceScopeFactory scopes, IOptions<PeriodEndOptions> options, ILogger<PeriodMoves> logger)
    : IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _start = new();
    private Task? _loop;

    /// <summary>Whether the permit moved now; done once the move is committed (or found not to apply).</summary>
    public Task<bool> ApplyAsync(Guid permitId, PeriodMove move)
    {
        EnsureStarted();
        var pending = new Pending(permitId, move, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PeriodMoves));
        }
        return pending.Done.Task;
    }

    private void EnsureStarted()
    {
        if (Volatile.Read(ref _loop) is not null)
        {
            return;
        }
        lock (_start)
        {
            _loop ??= Task.Run(WriteLoopAsync);
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stop.Token))
            {
                batch.Clear();
                while (batch.Count < options.Value.BatchSize && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }
                foreach (var group in batch.GroupBy(p => p.Move))
                {
                    await WriteAsync(group.Key, group.ToList());
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
        }
    }

    private async Task WriteAsync(PeriodMove move, List<Pending> pending)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var moved = await scope.ServiceProvider.GetRequiredService<PeriodMoveWriter>()
                .WriteAsync(move, pending.Select(p => p.PermitId).Distinct().ToList(), _stop.Token);
            foreach (var p in pending)
            {
                p.Done.TrySetResult(moved.Contains(p.PermitId));
            }
        }
        catch (Exception e) when (!_stop.IsCancellationRequested)
        {
            // Nothing of the group was committed: each grain's caller sees the failure, and the job runs again.
            LogFailed(logger, e, pending.Count);
            foreach (var p in pending)
            {
                p.Done.TrySetException(e);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync();
        if (_loop is { } loop)
        {
            await loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        while (_queue.Reader.TryRead(out var p))
        {
            p.Done.TrySetCanceled();
        }
        _stop.Dispose();
    }

    private sealed record Pending(Guid PermitId, PeriodMove Move, TaskCompletionSource<bool> Done);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing the period-end moves of {Count} permits failed; nothing of them was written")]
    private static partial void LogFailed(ILogger logger, Exception exception, int count);
}
