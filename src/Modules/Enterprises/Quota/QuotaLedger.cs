using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Enterprises.Quota;

/// <summary>
/// Takes and gives back places with one conditional UPDATE each: the check
/// (<c>ActivePermits + n &lt;= Quota</c>) and the write are the same statement, so there is no
/// window between reading and writing for another caller, in this process or another.
/// </summary>
internal sealed class QuotaLedger(EnterprisesDbContext scoped, DatabaseOptions database) : IQuotaLedger
{
    public async Task<bool> TryTakeAsync(Guid enterpriseId, int places, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(places);
        await using var lease = await ContextAsync(transaction, cancellationToken);
        var taken = await lease.Db.Enterprises
            .Where(e => e.Id == enterpriseId && e.Status == EnterpriseStatus.Active && e.ActivePermits + places <= e.Quota)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActivePermits, e => e.ActivePermits + places), cancellationToken);
        return taken == 1;
    }

    public async Task ReleaseAsync(Guid enterpriseId, int places, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(places);
        await using var lease = await ContextAsync(transaction, cancellationToken);
        await lease.Db.Enterprises
            .Where(e => e.Id == enterpriseId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActivePermits, e => e.ActivePermits >= places ? e.ActivePermits - places : 0), cancellationToken);
    }

    /// <summary>This scope's context, or one enlisted in the caller's transaction on the caller's connection.</summary>
    private async Task<ContextLease> ContextAsync(DbTransaction? transaction, CancellationToken ct)
    {
        if (transaction is null)
        {
            return new ContextLease(scoped, owned: false);
        }
        return new ContextLease(await database.EnlistAsync<EnterprisesDbContext>(transaction, o => new(o), ct), owned: true);
    }

    private sealed class ContextLease(EnterprisesDbContext db, bool owned) : IAsyncDisposable
    {
        public EnterprisesDbContext Db { get; } = db;

        public ValueTask DisposeAsync() => owned ? Db.DisposeAsync() : ValueTask.CompletedTask;
    }
}
