using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Permits.Issue;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Qr;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Outbox;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Text;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Permits.Manage;

internal sealed record RevokeRequest(IReadOnlyList<Guid> PermitIds, string Reason);

internal sealed record RevokeResponse(int Revoked);

internal sealed class RevokeRequestValidator : AbstractValidator<RevokeRequest>
{
    public RevokeRequestValidator()
    {
        RuleFor(r => r.PermitIds).NotNull().Must(ids => ids is { Count: > 0 and <= 10_000 });
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
    }
}

/// <summary>The ward police's stamp, and revocation (by the enterprise for its own, by officials in scope).</summary>
internal static class ManageEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/permits/{id:guid}/stamp", Stamp).RequireRoles(Roles.WardPolice)
            .ProducesProblem(StatusCodes.Status409Conflict).WithTags("Permits").WithName("StampPermit");
        routes.MapPost("/api/v1/permits/revoke", Revoke).RequireRoles(Roles.Enterprise, Roles.Approver, Roles.WardOfficer)
            .Validate<RevokeRequest>().WithTags("Permits").WithName("RevokePermits");
    }

    /// <summary><c>approved -&gt; issued</c>: the permit is in force from the stamp on.</summary>
    private static async Task<Ok<PermitResponse>> Stamp(
        Guid id, PermitsDbContext db, QrLinks links, ActorAccessor actor, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var permit = await db.FindInScopeAsync(id, http.Caller(), ct);
        var now = time.GetUtcNow();
        var by = actor.Current.Name;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var stamped = await db.Permits.Where(p => p.Id == id && p.Status == PermitStatus.Approved)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PermitStatus.Issued).SetProperty(p => p.StampedAt, now).SetProperty(p => p.StampedBy, by), ct);
        if (stamped == 0)
        {
            throw ProblemException.InvalidTransition(permit.Status, PermitTexts.Stamp.Resolve());
        }
        db.Audit(actor.Current, "permit.stamped", "permit", id.ToString(), now, null, permit.CityCode, permit.WardCode);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        permit.Status = PermitStatus.Issued;
        permit.StampedAt = now;
        permit.StampedBy = by;
        return TypedResults.Ok(PermitResponse.From(permit, links.UrlFor(permit.Token, http.Request)));
    }

    /// <summary>
    /// Revokes the live permits among those given (all must be within the caller's reach, else
    /// 404 and nothing changes): each gives its place back, joins the revocation feed, and the
    /// holder's enterprise gets one email listing them.
    /// </summary>
    private static async Task<Ok<RevokeResponse>> Revoke(
        RevokeRequest request, PermitsDbContext db, IQuotaLedger ledger, IEnterpriseDirectory enterprises,
        ActorAccessor actor, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var ids = request.PermitIds.Distinct().ToList();
        var permits = new List<Permit>();
        foreach (var chunk in ids.Chunk(500))
        {
            permits.AddRange(await db.Permits.AsNoTracking().Where(p => chunk.Contains(p.Id)).ToListAsync(ct));
        }
        if (permits.Count != ids.Count || !permits.All(caller.Sees))
        {
            throw ProblemException.NotFound(PermitTexts.Permit);
        }

        var reason = VietnameseText.Normalize(request.Reason);
        var now = time.GetUtcNow();
        var by = actor.Current.Name;
        var revoked = new List<Permit>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var permit in permits.Where(p => PermitStatus.Live.Contains(p.Status)))
        {
            // Guarded: a permit revoked meanwhile by someone else is not counted (nor its place given back) twice.
            var changed = await db.Permits.Where(p => p.Id == permit.Id && PermitStatus.Live.Contains(p.Status))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PermitStatus.Revoked).SetProperty(p => p.RevokedAt, now)
                    .SetProperty(p => p.RevokedBy, by).SetProperty(p => p.RevocationReason, reason), ct);
            if (changed == 1)
            {
                revoked.Add(permit);
                db.Revocations.Add(new Revocation { PermitId = permit.Id, RevokedAt = now });
            }
        }
        foreach (var group in revoked.Where(p => p.EnterpriseId is not null).GroupBy(p => p.EnterpriseId!.Value))
        {
            await ledger.ReleaseAsync(group.Key, group.Count(), transaction.GetDbTransaction(), ct);
            var enterprise = await enterprises.FindAsync(group.Key, ct);
            if (enterprise is not null)
            {
                var (subject, body) = PermitEmails.Revoked(enterprise.Name, group.ToList(), reason);
                db.EnqueueEmail(enterprise.ContactEmail, subject, body, now);
            }
            db.Audit(actor.Current, "permits.revoked", "enterprise", group.Key.ToString(), now,
                new { count = group.Count(), permits = group.Select(p => p.Id), reason }, group.First().CityCode, group.First().WardCode);
        }
        foreach (var individual in revoked.Where(p => p.EnterpriseId is null))
        {
            db.Audit(actor.Current, "permit.revoked", "permit", individual.Id.ToString(), now, new { reason }, individual.CityCode, individual.WardCode);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TypedResults.Ok(new RevokeResponse(revoked.Count));
    }
}
