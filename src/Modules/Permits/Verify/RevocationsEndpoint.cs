using System.Globalization;
using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Problems;

namespace TravelPermits.Permits.Verify;

/// <summary><c>since</c>: the cursor an earlier answer gave (none: from the start); <c>limit</c>: at most 500, the default.</summary>
internal sealed class RevocationsRequest
{
    public string? Since { get; init; }
    public int? Limit { get; init; }
}

internal sealed record RevocationItem(Guid PermitId, DateTimeOffset RevokedAt);

/// <summary>
/// A permit suspended by a lockdown of its ward from <see cref="Since"/> until <see cref="Until"/>
/// (null: until further notice). A later item of the same permit and suspension replaces this one:
/// lifting gives it an end, a cancelled lockdown ends where it begins.
/// </summary>
internal sealed record SuspensionItem(
    Guid PermitId, Guid SuspensionId, string WardCode, string WardName, string Reason, DateTimeOffset Since, DateTimeOffset? Until);

/// <summary>The feed's page: revocations and suspensions since the cursor, each in order, and the cursor to ask from next.</summary>
internal sealed record RevocationFeed(IReadOnlyList<RevocationItem> Items, IReadOnlyList<SuspensionItem> Suspensions, string NextCursor);

/// <summary>
/// <c>GET /api/v1/verify/revocations?since=</c>: what an offline verifier adds to its revocation
/// list since its last cursor, and the suspensions by lockdowns and their lifting. <c>nextCursor</c>
/// is always given: the position to ask from next time, even when nothing was new. It holds a
/// position in each of the two feeds; a cursor from before suspensions existed names the first.
/// </summary>
internal sealed class RevocationsEndpoint(PermitsDbContext db) : Endpoint<RevocationsRequest, RevocationFeed>
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
        var (after, afterNotice) = Positions(request.Since);
        var rows = await db.Revocations.AsNoTracking().Where(r => r.Sequence > after).OrderBy(r => r.Sequence).Take(take)
            .ToListAsync(ct);
        var notices = await db.SuspensionNotices.AsNoTracking().Where(n => n.Sequence > afterNotice).OrderBy(n => n.Sequence).Take(take)
            .ToListAsync(ct);
        var next = rows.Count > 0 ? rows[^1].Sequence : after;
        var nextNotice = notices.Count > 0 ? notices[^1].Sequence : afterNotice;
        await Send.ResultAsync(TypedResults.Ok(new RevocationFeed(
            rows.Select(r => new RevocationItem(r.PermitId, r.RevokedAt)).ToList(),
            notices.Select(n => new SuspensionItem(n.PermitId, n.SuspensionId, n.WardCode, n.WardName, n.Reason, n.Since, n.Until)).ToList(),
            Paging.Encode(string.Create(CultureInfo.InvariantCulture, $"{next}:{nextNotice}")))));
    }

    /// <summary>The positions a cursor names in the revocations and in the suspensions: <c>r:s</c>, or <c>r</c> alone from before suspensions.</summary>
    private static (long Revocations, long Suspensions) Positions(string? since)
    {
        if (Paging.Decode(since, "since") is not { } text)
        {
            return (0, 0);
        }
        var parts = text.Split(':');
        return parts.Length is 1 or 2 && parts.All(p => long.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            ? (long.Parse(parts[0], CultureInfo.InvariantCulture), parts.Length == 2 ? long.Parse(parts[1], CultureInfo.InvariantCulture) : 0)
            : throw ProblemException.Invalid("since", CommonTexts.InvalidCursor);
    }
}
