using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Permits.Persistence;
using TravelPermits.Permits.Qr;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Text;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Permits.Issue;

internal sealed record IssueRequest(IReadOnlyList<Guid> EntryIds);

internal sealed class IssueRequestValidator : AbstractValidator<IssueRequest>
{
    public IssueRequestValidator() =>
        RuleFor(r => r.EntryIds).NotNull().Must(ids => ids is { Count: > 0 and <= 10_000 })
            .WithMessage(_ => PermitTexts.EntryIdsRequired.Resolve());
}

/// <summary>Issuing (enterprise), reading and listing permits, and their QR codes.</summary>
internal static class PermitEndpoints
{
    private static readonly string[] Readers = [Roles.Admin, Roles.Approver, Roles.WardOfficer, Roles.AreaPolice, Roles.WardPolice, Roles.Enterprise];

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/enterprises/{id:guid}/permits", Issue).RequireRoles(Roles.Enterprise)
            .Validate<IssueRequest>().ProducesProblem(StatusCodes.Status409Conflict).WithTags("Permits").WithName("IssuePermits");
        routes.MapGet("/api/v1/enterprises/{id:guid}/permits", List).RequireRoles(Readers).WithTags("Permits").WithName("ListPermits");
        routes.MapGet("/api/v1/permits/{id:guid}", Get).RequireRoles(Readers).WithTags("Permits").WithName("GetPermit");
        routes.MapGet("/api/v1/permits/{id:guid}/qr.png", Png).RequireRoles(Readers).WithTags("Permits").WithName("PermitQrPng");
        routes.MapGet("/api/v1/permits/{id:guid}/qr.svg", Svg).RequireRoles(Readers).WithTags("Permits").WithName("PermitQrSvg");
    }

    private static async Task<IResult> Issue(
        Guid id, IssueRequest request, HttpContext http, IEnterpriseDirectory enterprises, PermitIssuer issuer, CancellationToken ct)
    {
        var caller = http.Caller();
        var enterprise = await enterprises.FindAsync(id, ct);
        if (enterprise is null || caller.EnterpriseId != enterprise.Id)
        {
            throw ProblemException.NotFound(PermitTexts.Enterprise);
        }
        if (enterprise.Status != EnterpriseStatus.Active)
        {
            throw ProblemException.Conflict("enterprise_not_active", PermitTexts.NotActive);
        }
        var key = http.Request.Headers["Idempotency-Key"].ToString();
        if (key.Length > 200)
        {
            throw ProblemException.Invalid("Idempotency-Key", new LocalizedText("Tối đa 200 ký tự.", "At most 200 characters."));
        }
        var answer = await issuer.IssueAsync(enterprise, request.EntryIds, key.Length == 0 ? null : key, ct);
        if (answer.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true"; // as on the other routes that honour the key (docs/api-extensions.md)
        }
        return Results.Content(answer.Body, "application/json", System.Text.Encoding.UTF8, answer.Status);
    }

    private static async Task<Ok<PermitResponse>> Get(Guid id, PermitsDbContext db, QrLinks links, HttpContext http, CancellationToken ct)
    {
        var permit = await db.FindInScopeAsync(id, http.Caller(), ct);
        return TypedResults.Ok(PermitResponse.From(permit, links.UrlFor(permit.Token, http.Request)));
    }

    private static async Task<Ok<CursorPage<PermitResponse>>> List(
        Guid id, PermitsDbContext db, IEnterpriseDirectory enterprises, QrLinks links, HttpContext http,
        string? status, string? q, int? limit, string? cursor, CancellationToken ct)
    {
        var caller = http.Caller();
        var enterprise = await enterprises.FindAsync(id, ct);
        if (enterprise is null || !caller.CoversEnterprise(enterprise.Id, enterprise.CityCode, enterprise.WardCode))
        {
            throw ProblemException.NotFound(PermitTexts.Enterprise);
        }
        var take = Paging.Limit(limit);
        var query = db.Permits.AsNoTracking().Where(p => p.EnterpriseId == id);
        if (!string.IsNullOrEmpty(status))
        {
            var wanted = PermitStatus.All.FirstOrDefault(s => string.Equals(s, status, StringComparison.OrdinalIgnoreCase))
                ?? throw ProblemException.Invalid("status", PermitTexts.UnknownStatus);
            query = query.Where(p => p.Status == wanted);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            // Every word, in any order: "thi lan" finds "Hoàng Thị Lan".
            foreach (var pattern in SearchWords.Patterns(q))
            {
                query = query.Where(p => EF.Functions.Like(p.SearchKey, pattern, "\\"));
            }
        }
        if (Paging.DecodeGuid(cursor) is { } position)
        {
            query = query.Where(p => p.Id.CompareTo(position) > 0);
        }
        // The page's ids first, then their rows: the ids alone come from the enterprise's index (EnterpriseId, Id)
        // without touching the table, where PostgreSQL would otherwise walk the primary key in id order, past
        // every other enterprise's permits (docs/benchmarks.md).
        var page = query.OrderBy(p => p.Id).Select(p => p.Id).Take(take + 1);
        var rows = await db.Permits.AsNoTracking().Where(p => page.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync(ct);
        return TypedResults.Ok(Paging.Page(rows.Select(p => PermitResponse.From(p, links.UrlFor(p.Token, http.Request))).ToList(), take, p => p.Id.ToString()));
    }

    private static async Task<FileContentHttpResult> Png(Guid id, PermitsDbContext db, QrLinks links, HttpContext http, CancellationToken ct)
    {
        var permit = await db.FindInScopeAsync(id, http.Caller(), ct);
        return TypedResults.File(QrLinks.Png(links.UrlFor(permit.Token, http.Request)), "image/png", $"permit-{permit.Id:N}.png");
    }

    private static async Task<ContentHttpResult> Svg(Guid id, PermitsDbContext db, QrLinks links, HttpContext http, CancellationToken ct)
    {
        var permit = await db.FindInScopeAsync(id, http.Caller(), ct);
        return TypedResults.Content(QrLinks.Svg(links.UrlFor(permit.Token, http.Request)), "image/svg+xml");
    }
}
