using Microsoft.EntityFrameworkCore;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Approvals.Persistence;

namespace TravelPermits.Approvals;

internal sealed class ApprovedList(ApprovalsDbContext db) : IApprovedList
{
    public async Task<IReadOnlyList<ApprovedPerson>> FindAsync(Guid enterpriseId, IReadOnlyCollection<Guid> entryIds, CancellationToken cancellationToken)
    {
        var found = new List<ApprovedPerson>();
        foreach (var chunk in entryIds.Distinct().Chunk(500))
        {
            found.AddRange(await db.Approved.AsNoTracking()
                .Where(a => a.EnterpriseId == enterpriseId && a.Active && chunk.Contains(a.EntryId))
                .Select(a => new ApprovedPerson(a.EntryId, a.EnterpriseId, a.CityCode, a.WardCode, a.FullName, a.IdNumber, a.DateOfBirth,
                    a.Gender, a.Phone, a.Position, a.Residence, a.Workplace, a.ApprovedAt))
                .ToListAsync(cancellationToken));
        }
        return found;
    }

    public Task<ApprovedPerson?> FindIndividualAsync(Guid entryId, CancellationToken cancellationToken) =>
        db.Approved.AsNoTracking().Where(a => a.EntryId == entryId && a.EnterpriseId == null && a.Active)
            .Select(a => new ApprovedPerson(a.EntryId, a.EnterpriseId, a.CityCode, a.WardCode, a.FullName, a.IdNumber, a.DateOfBirth,
                a.Gender, a.Phone, a.Position, a.Residence, a.Workplace, a.ApprovedAt))
            .FirstOrDefaultAsync(cancellationToken);
}
