using System.Globalization;
using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Paging;

namespace TravelPermits.Permits.Verify;

/// <summary><c>since</c>: the cursor an earlier answer gave (none: from the start); <c>limit</c>: at most 500, the default.</summary>
internal sealed class RevocationsRequest
{
    public string? Since { get; init; }
    public int? Limit { get; init; }
}

internal sealed record RevocationItem(Guid PermitId, DateTimeOffset RevokedAt);

/// <summary>
/// <c>GET /api/v1/verify/revocations?since=</c>: what an offline verifier adds to its revocation
/// list since its last cursor. <c>nextCursor</c> is always given: the position to ask from next
/// time, even when nothing was new.
/// </summary>
internal sealed class RevocationsEndpoint(PermitsDbContext db) : Endpoint<RevocationsRequest, CursorPage<RevocationItem>>
{
    public override void Configure()
    {
        Get("verify/revocations");
        Group<PermitsApi>();
        AllowAnonymous();
        Options(route => route.RequireRateLimiting(VerifyEndpoint.AnonymousVerify));
        Description(route => route.WithTags("Verification").WithName("Revocations"));
    }

    public override async Task HandleAsync(RevocationsRequest request, CancellationToken ct)
    {
        var take = Paging.Limit(request.Limit ?? Paging.MaxLimit);
        var after = Paging.DecodeLong(request.Since, "since") ?? 0;
        var rows = await db.Revocations.AsNoTracking().Where(r => r.Sequence > after).OrderBy(r => r.Sequence).Take(take)
            .ToListAsync(ct);
        var next = rows.Count > 0 ? rows[^1].Sequence : after;
        await Send.ResultAsync(TypedResults.Ok(new CursorPage<RevocationItem>(
            rows.Select(r => new RevocationItem(r.PermitId, r.RevokedAt)).ToList(),
            Paging.Encode(next.ToString(CultureInfo.InvariantCulture)))));
    }
}
