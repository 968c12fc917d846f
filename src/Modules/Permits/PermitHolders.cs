using Microsoft.EntityFrameworkCore;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Permits.Persistence;

namespace TravelPermits.Permits;

/// <summary>Tells the Approvals module who already holds a live permit (of another enterprise, or at all).</summary>
internal sealed class PermitHolders(PermitsDbContext db) : IPermitHolderLookup
{
    public async Task<IReadOnlySet<string>> HoldersElsewhereAsync(IReadOnlyCollection<string> idNumbers, Guid? enterpriseId, CancellationToken cancellationToken)
    {
        var holders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in idNumbers.Distinct().Chunk(500))
        {
            holders.UnionWith(await db.Permits.AsNoTracking()
                .Where(p => chunk.Contains(p.IdNumber) && PermitStatuses.Live.Contains(p.Status) && p.EnterpriseId != enterpriseId)
                .Select(p => p.IdNumber).ToListAsync(cancellationToken));
        }
        return holders;
    }

    public async Task<IReadOnlySet<string>> LiveHoldersAsync(IReadOnlyCollection<string> idNumbers, CancellationToken cancellationToken)
    {
        var holders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in idNumbers.Distinct().Chunk(500))
        {
            holders.UnionWith(await db.Permits.AsNoTracking()
                .Where(p => chunk.Contains(p.IdNumber) && PermitStatuses.Live.Contains(p.Status))
                .Select(p => p.IdNumber).ToListAsync(cancellationToken));
        }
        return holders;
    }
}
