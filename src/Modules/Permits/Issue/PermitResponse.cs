using TravelPermits.Permits.Persistence;

namespace TravelPermits.Permits.Issue;

internal sealed record HolderResponse(string FullName, string IdNumber, DateOnly DateOfBirth);

internal sealed record PermitResponse(
    Guid Id, string Status, HolderResponse Holder, Guid? EnterpriseId, string? EnterpriseName, string WardCode, string WardName,
    DateTimeOffset ValidFrom, DateTimeOffset ValidTo, string Token, string QrUrl, Guid EntryId, DateTimeOffset IssuedAt,
    DateTimeOffset? StampedAt, DateTimeOffset? RevokedAt, string? RevocationReason)
{
    public static PermitResponse From(Permit p, string qrUrl) => new(
        p.Id, p.Status, new HolderResponse(p.HolderName, p.IdNumber, p.DateOfBirth), p.EnterpriseId, p.EnterpriseName, p.WardCode, p.WardName,
        p.ValidFrom, p.ValidTo, p.Token, qrUrl, p.EntryId, p.IssuedAt, p.StampedAt, p.RevokedAt, p.RevocationReason);
}
