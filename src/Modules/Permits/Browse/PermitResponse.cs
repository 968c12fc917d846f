using Microsoft.AspNetCore.Http;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Qr;
using TravelPermits.SharedKernel.Paging;

namespace TravelPermits.Permits.Browse;

internal sealed record HolderResponse(string FullName, string IdNumber, DateOnly DateOfBirth);

/// <summary>A permit as the API shows it to those who may read it (the enterprise and officials in scope).</summary>
internal sealed record PermitResponse(
    Guid Id, PermitStatus Status, HolderResponse Holder, Guid? EnterpriseId, string? EnterpriseName, string WardCode, string WardName,
    DateTimeOffset ValidFrom, DateTimeOffset ValidTo, string Token, string QrUrl, Guid EntryId, DateTimeOffset IssuedAt,
    DateTimeOffset? StampedAt, DateTimeOffset? RevokedAt, string? RevocationReason)
{
    public static PermitResponse From(Permit p, string qrUrl) => new(
        p.Id, p.Status, new HolderResponse(p.HolderName, p.IdNumber, p.DateOfBirth), p.EnterpriseId, p.EnterpriseName, p.WardCode, p.WardName,
        p.ValidFrom, p.ValidTo, p.Token, qrUrl, p.EntryId, p.IssuedAt, p.StampedAt, p.RevokedAt, p.RevocationReason);

    /// <summary>The permit with the URL of its QR code, based on the request's own address unless one is configured.</summary>
    public static PermitResponse From(Permit p, QrLinks links, HttpRequest request) => From(p, links.UrlFor(p.Token, request));

    public static CursorPage<PermitResponse> Page(CursorPage<Permit> page, QrLinks links, HttpRequest request) =>
        new(page.Items.Select(p => From(p, links, request)).ToList(), page.NextCursor);
}
