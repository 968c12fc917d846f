using Microsoft.EntityFrameworkCore;
using TravelPermits.Accounts.Contracts;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;

namespace TravelPermits.Enterprises;

/// <summary>What other modules may read of an enterprise (and the Accounts module's scope port).</summary>
internal sealed class EnterpriseDirectory(EnterprisesDbContext db) : IEnterpriseDirectory, IEnterpriseScopeLookup
{
    public Task<EnterpriseInfo?> FindAsync(Guid enterpriseId, CancellationToken cancellationToken) =>
        db.Enterprises.AsNoTracking().Where(e => e.Id == enterpriseId)
            .Select(e => new EnterpriseInfo(e.Id, e.Name, e.TaxCode, e.CityCode, e.WardCode, e.Status, e.ContactEmail, e.Quota, e.ActivePermits))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<EnterpriseInfo?> FindByTaxCodeAsync(string taxCode, CancellationToken cancellationToken) =>
        db.Enterprises.AsNoTracking().Where(e => e.TaxCode == taxCode && e.Status != EnterpriseStatus.Rejected)
            .Select(e => new EnterpriseInfo(e.Id, e.Name, e.TaxCode, e.CityCode, e.WardCode, e.Status, e.ContactEmail, e.Quota, e.ActivePermits))
            .FirstOrDefaultAsync(cancellationToken);

    async Task<EnterpriseScope?> IEnterpriseScopeLookup.FindAsync(Guid enterpriseId, CancellationToken cancellationToken) =>
        await FindAsync(enterpriseId, cancellationToken) is { } e ? new EnterpriseScope(e.Id, e.CityCode, e.WardCode) : null;
}
