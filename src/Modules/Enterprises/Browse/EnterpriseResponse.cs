using TravelPermits.Enterprises.Contracts;
using TravelPermits.Enterprises.Persistence;

namespace TravelPermits.Enterprises.Browse;

internal sealed record EnterpriseResponse(
    Guid Id, string Name, string TaxCode, string CityCode, string WardCode, string Address, string ContactEmail, string ContactPhone,
    EnterpriseStatus Status, int Workforce, int RatioPercent, int Quota, bool QuotaIsExplicit, int ActivePermits, int Remaining,
    string? RejectionReason, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool RatioIsExplicit, int PermitsOverQuota)
{
    public static EnterpriseResponse From(Enterprise e) => new(
        e.Id, e.Name, e.TaxCode, e.CityCode, e.WardCode, e.Address, e.ContactEmail, e.ContactPhone, e.Status,
        e.Workforce, e.RatioPercent, e.Quota, e.QuotaOverride is not null, e.ActivePermits, Math.Max(0, e.Quota - e.ActivePermits),
        e.RejectionReason, e.CreatedAt, e.UpdatedAt, e.RatioIsExplicit, Math.Max(0, e.ActivePermits - e.Quota));
}
