using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Approvals.Chain;
using TravelPermits.Approvals.Persistence;
using TravelPermits.Approvals.Template;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Idempotency;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Approvals.Requests;

internal sealed record ApproveRequest(IReadOnlyList<Guid>? EntryIds, QuotaRaise? Quota);

internal sealed record RejectRequest(string Reason);

internal sealed class ApproveRequestValidator : AbstractValidator<ApproveRequest>
{
    public ApproveRequestValidator()
    {
        RuleFor(r => r.EntryIds).NotEmpty().When(r => r.EntryIds is not null);
        RuleFor(r => r.Quota!.RatioPercent).InclusiveBetween(0, 100).When(r => r.Quota is not null);
        RuleFor(r => r.Quota!.Quota).GreaterThanOrEqualTo(0).When(r => r.Quota is not null);
        RuleFor(r => r.Quota).Must(q => q!.Quota is not null || q.RatioPercent is not null).When(r => r.Quota is not null);
    }
}

internal sealed class RejectRequestValidator : AbstractValidator<RejectRequest>
{
    public RejectRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
}

/// <summary>The template, uploads, the inbox and the chain's steps for enterprises' requests.</summary>
internal static class RequestEndpoints
{
    public const long MaxUploadBytes = 8 * 1024 * 1024;
    private static readonly LocalizedText FileRequired = new("Cần gửi tệp danh sách (trường file).", "Send the list as the 'file' field.");
    private static readonly LocalizedText KindInvalid = new("kind phải là addition hoặc replacement.", "kind must be addition or replacement.");
    private static readonly LocalizedText NotActive = new("Doanh nghiệp chưa được kích hoạt.", "The enterprise is not active.");
    private static readonly LocalizedText EnterpriseNoun = new("doanh nghiệp", "enterprise");
    private static readonly byte[] Template = TemplateBuilder.Build();

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/requests/template.xlsx", () => TypedResults.File(Template, TemplateLayout.ContentType, TemplateLayout.FileName))
            .AllowAnonymous().WithTags("Requests").WithName("DownloadTemplate");
        routes.MapPost("/api/v1/enterprises/{id:guid}/requests", Upload)
            .RequireRoles(Roles.Enterprise, Roles.WardOfficer)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithDescription("multipart/form-data: file (the filled template, .xlsx), kind (addition | replacement), note (optional).")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .Idempotent().WithTags("Requests").WithName("UploadRequest");
        routes.MapGet("/api/v1/requests", List)
            .RequireRoles(Roles.Admin, Roles.Approver, Roles.WardOfficer, Roles.AreaPolice, Roles.WardPolice, Roles.Enterprise)
            .WithTags("Requests").WithName("ListRequests");
        routes.MapGet("/api/v1/requests/{id:guid}", Get)
            .RequireRoles(Roles.Admin, Roles.Approver, Roles.WardOfficer, Roles.AreaPolice, Roles.WardPolice, Roles.Enterprise)
            .WithTags("Requests").WithName("GetRequest");
        routes.MapGet("/api/v1/requests/{id:guid}/file", GetFile)
            .RequireRoles(Roles.Admin, Roles.Approver, Roles.WardOfficer, Roles.AreaPolice, Roles.WardPolice, Roles.Enterprise)
            .WithTags("Requests").WithName("GetRequestFile");
        routes.MapPost("/api/v1/requests/{id:guid}/verify", Verify)
            .RequireRoles(Roles.AreaPolice).WithTags("Requests").WithName("VerifyRequest");
        routes.MapPost("/api/v1/requests/{id:guid}/approve", Approve)
            .RequireRoles(Roles.WardOfficer, Roles.Approver).WithTags("Requests").WithName("ApproveRequest");
        routes.MapPost("/api/v1/requests/{id:guid}/reject", Reject)
            .RequireRoles(Roles.WardOfficer, Roles.Approver).Validate<RejectRequest>().WithTags("Requests").WithName("RejectRequest");
    }

    private static async Task<Created<RequestResponse>> Upload(
        Guid id, HttpContext http, IEnterpriseDirectory enterprises, RequestIntake intake, CancellationToken ct)
    {
        var caller = http.Caller();
        var enterprise = await enterprises.FindAsync(id, ct);
        if (enterprise is null || !caller.CoversEnterprise(enterprise.Id, enterprise.CityCode, enterprise.WardCode))
        {
            throw ProblemException.NotFound(EnterpriseNoun);
        }
        if (!http.Request.HasFormContentType)
        {
            throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", CommonTexts.ForStatus(415));
        }
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && e is not BadHttpRequestException)
        {
            // No boundary, a truncated body, too many parts: the form itself is unreadable.
            throw new ProblemException(400, "validation_failed", CommonTexts.MalformedBody.Format(e.Message),
                new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["file"] = [CommonTexts.MalformedBody.Format(e.Message).Resolve()] } });
        }
        var file = form.Files.GetFile("file");
        var kind = form["kind"].ToString();
        var errors = new Dictionary<string, string[]>();
        if (file is null || file.Length == 0)
        {
            errors["file"] = [FileRequired.Resolve()];
        }
        if (kind is not (RequestKind.Addition or RequestKind.Replacement))
        {
            errors["kind"] = [KindInvalid.Resolve()];
        }
        var note = form["note"].ToString();
        if (note.Length > 1000)
        {
            errors["note"] = [new LocalizedText("Tối đa 1000 ký tự.", "At most 1000 characters.").Resolve()];
        }
        if (errors.Count > 0)
        {
            throw new ProblemException(400, "validation_failed", CommonTexts.ValidationFailed, new Dictionary<string, object?> { ["errors"] = errors });
        }
        if (enterprise.Status != EnterpriseStatus.Active)
        {
            throw ProblemException.Conflict("enterprise_not_active", NotActive);
        }
        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, ct);
        var (request, entries) = await intake.SubmitAsync(enterprise, kind, note, file.FileName, buffer.ToArray(), ct);
        return TypedResults.Created($"/api/v1/requests/{request.Id}", RequestResponse.From(request, entries));
    }

    private static async Task<Ok<CursorPage<RequestResponse>>> List(
        ApprovalsDbContext db, HttpContext http, string? status, string? wardCode, Guid? enterpriseId, string? kind, int? limit, string? cursor, CancellationToken ct)
    {
        var caller = http.Caller();
        var query = db.Requests.AsNoTracking().InScope(caller).Where(r => r.Kind != RequestKind.Individual);
        query = string.IsNullOrEmpty(status) ? query.AwaitingAction(caller) : query.Where(r => r.Status == status);
        query = Filter(query, wardCode, enterpriseId, kind);
        return TypedResults.Ok(await PageAsync(query, limit, cursor, r => RequestResponse.From(r, null), ct));
    }

    internal static IQueryable<Request> Filter(IQueryable<Request> query, string? wardCode, Guid? enterpriseId, string? kind)
    {
        if (!string.IsNullOrEmpty(wardCode))
        {
            query = query.Where(r => r.WardCode == wardCode);
        }
        if (enterpriseId is { } enterprise)
        {
            query = query.Where(r => r.EnterpriseId == enterprise);
        }
        if (!string.IsNullOrEmpty(kind))
        {
            query = query.Where(r => r.Kind == kind);
        }
        return query;
    }

    /// <summary>Oldest first: the inbox is worked through in the order things arrived.</summary>
    internal static async Task<CursorPage<T>> PageAsync<T>(IQueryable<Request> query, int? limit, string? cursor, Func<Request, T> map, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        if (Paging.DecodeGuid(cursor) is { } position)
        {
            query = query.Where(r => r.Id.CompareTo(position) > 0);
        }
        var rows = await query.OrderBy(r => r.Id).Take(take + 1).ToListAsync(ct);
        var page = Paging.Page(rows, take, r => r.Id.ToString());
        return new CursorPage<T>(page.Items.Select(map).ToList(), page.NextCursor);
    }

    private static async Task<Ok<RequestResponse>> Get(Guid id, ApprovalsDbContext db, HttpContext http, CancellationToken ct)
    {
        var request = await db.FindInScopeAsync(id, individual: false, http.Caller(), ct);
        var entries = await db.Entries.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.Row).ToListAsync(ct);
        return TypedResults.Ok(RequestResponse.From(request, entries));
    }

    private static async Task<FileContentHttpResult> GetFile(Guid id, ApprovalsDbContext db, HttpContext http, CancellationToken ct)
    {
        await db.FindInScopeAsync(id, individual: false, http.Caller(), ct);
        var file = await db.Files.AsNoTracking().FirstAsync(f => f.RequestId == id, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Ok<RequestResponse>> Verify(Guid id, ApprovalsDbContext db, ChainService chain, HttpContext http, CancellationToken ct)
    {
        var request = await db.FindInScopeAsync(id, individual: false, http.Caller(), ct);
        await chain.VerifyAsync(request, ct);
        return TypedResults.Ok(RequestResponse.From(request, null));
    }

    private static async Task<Ok<RequestResponse>> Approve(
        Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ApproveRequest? body, IValidator<ApproveRequest> validator,
        ApprovalsDbContext db, ChainService chain, HttpContext http, CancellationToken ct)
    {
        body ??= new ApproveRequest(null, null); // no body: approve every entry
        await validator.ValidateAndThrowAsync(body, ct);
        var request = await db.FindInScopeAsync(id, individual: false, http.Caller(), ct);
        await chain.ApproveAsync(request, body.EntryIds, body.Quota, ct);
        var entries = await db.Entries.AsNoTracking().Where(e => e.RequestId == id).OrderBy(e => e.Row).ToListAsync(ct);
        return TypedResults.Ok(RequestResponse.From(request, entries));
    }

    private static async Task<Ok<RequestResponse>> Reject(
        Guid id, RejectRequest body, ApprovalsDbContext db, ChainService chain, HttpContext http, CancellationToken ct)
    {
        var request = await db.FindInScopeAsync(id, individual: false, http.Caller(), ct);
        await chain.RejectAsync(request, body.Reason, ct);
        return TypedResults.Ok(RequestResponse.From(request, null));
    }
}
