using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Permits.Issue;
using TravelPermits.Permits.Periods;
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

internal sealed record ClearRequest(Guid PeriodId, string Reason);

internal sealed class ClearRequestValidator : AbstractValidator<ClearRequest>
{
    public ClearRequestValidator()
    {
        RuleFor(r => r.PeriodId).NotEmpty();
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
    }
}

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
        routes.MapPost("/api/v1/enterprises/{id:guid}/permits/clear", Clear).RequireRoles(Roles.Approver)
            .Validate<ClearRequest>().WithTags("Permits").WithName("ClearPermits");
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
    /// Revokes the live permits among those given; all must be within the caller's reach, else
    /// 404 and nothing changes.
    /// </summary>
    private static async Task<Ok<RevokeResponse>> Revoke(
        RevokeRequest request, PermitsDbContext db, PermitRevoker revoker, HttpContext http, CancellationToken ct)
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
        return TypedResults.Ok(new RevokeResponse(await revoker.RevokeAsync(permits, request.Reason, ct)));
    }

    /// <summary>
    /// <c>POST /api/v1/enterprises/{id}/permits/clear</c> (approver): revokes every live permit of
    /// the enterprise in that period, before a replacement list is approved: those of the period,
    /// and those issued while no period was current (no PeriodId) whose validity overlaps it.
    /// </summary>
    private static async Task<Ok<RevokeResponse>> Clear(
        Guid id, ClearRequest request, PermitsDbContext db, IEnterpriseDirectory enterprises, PermitRevoker revoker, HttpContext http, CancellationToken ct)
    {
        var enterprise = await enterprises.FindAsync(id, ct);
        if (enterprise is null || !http.Caller().Covers(enterprise.CityCode, enterprise.WardCode))
        {
            throw ProblemException.NotFound(PermitTexts.Enterprise);
        }
        // A period of the enterprise's city, or of every city.
        var period = await db.Periods.AsNoTracking().OfCity(enterprise.CityCode).FirstOrDefaultAsync(p => p.Id == request.PeriodId, ct)
            ?? throw ProblemException.Invalid("periodId", new SharedKernel.Localization.LocalizedText("Không có giai đoạn này.", "No such period."));
        var live = await db.Permits.AsNoTracking()
            .Where(p => p.EnterpriseId == id && PermitStatus.Live.Contains(p.Status)
                && (p.PeriodId == period.Id || (p.PeriodId == null && p.ValidFrom < period.EndsAt && p.ValidTo > period.StartsAt)))
            .ToListAsync(ct);
        return TypedResults.Ok(new RevokeResponse(await revoker.RevokeAsync(live, request.Reason, ct)));
    }
}
