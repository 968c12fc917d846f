using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Approvals.Chain;
using TravelPermits.Approvals.People;
using TravelPermits.Approvals.Persistence;
using TravelPermits.Approvals.Requests;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Geography.Contracts;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Idempotency;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Text;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Approvals.Applications;

internal sealed record ApplicationRequest(
    string FullName, string IdNumber, string DateOfBirth, string? Gender, string? Phone, string Address, string WardCode,
    string Reason, string Destination);

internal sealed class ApplicationRequestValidator : AbstractValidator<ApplicationRequest>
{
    public ApplicationRequestValidator()
    {
        RuleFor(r => r.WardCode).NotEmpty().Matches("^[0-9]{5}$");
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
        RuleFor(r => r.Destination).NotEmpty().MaximumLength(300);
    }
}

/// <summary>
/// Individual applications: the area police enter a citizen of their ward; the application goes
/// through the ward's chain (the area police's own entry counts as its verification) and, once
/// approved, the person is on the approved list of the ward's individuals.
/// </summary>
internal static class ApplicationEndpoints
{
    private static readonly LocalizedText DuplicateApplication = new(
        "Người này đã có hồ sơ đang xử lý hoặc đã được duyệt.", "This person already has an application under way or approved.");

    private static readonly LocalizedText OutsideWard = new(
        "Công an khu vực chỉ nhập hồ sơ của người dân phường/xã mình.", "The area police enter applications of their own ward only.");

    public static void Map(IEndpointRouteBuilder routes)
    {
        string[] readers = [Roles.Admin, Roles.Approver, Roles.WardOfficer, Roles.AreaPolice, Roles.WardPolice];
        routes.MapPost("/api/v1/applications", Create).RequireRoles(Roles.AreaPolice)
            .Validate<ApplicationRequest>().Idempotent().WithTags("Applications").WithName("CreateApplication");
        routes.MapGet("/api/v1/applications", List).RequireRoles(readers).WithTags("Applications").WithName("ListApplications");
        routes.MapGet("/api/v1/applications/{id:guid}", Get).RequireRoles(readers).WithTags("Applications").WithName("GetApplication");
        routes.MapPost("/api/v1/applications/{id:guid}/approve", Approve).RequireRoles(Roles.WardOfficer, Roles.Approver)
            .WithTags("Applications").WithName("ApproveApplication");
        routes.MapPost("/api/v1/applications/{id:guid}/reject", Reject).RequireRoles(Roles.WardOfficer, Roles.Approver)
            .Validate<RejectRequest>().WithTags("Applications").WithName("RejectApplication");
    }

    private static async Task<Created<ApplicationResponse>> Create(
        ApplicationRequest body, HttpContext http, ApprovalsDbContext db, IGeographyDirectory geography, IWardPolicies policies,
        IEnumerable<Contracts.IPermitHolderLookup> holders, TimeProvider time, ActorAccessor actor, CancellationToken ct)
    {
        var caller = http.Caller();
        var ward = await geography.FindWardAsync(body.WardCode, ct)
            ?? throw ProblemException.Invalid("wardCode", new LocalizedText("Không có phường/xã với mã này.", "No ward has this code."));
        if (ward.Code != caller.WardCode)
        {
            throw new ProblemException(403, "outside_scope", OutsideWard);
        }
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Cultures.VietnamTime).DateTime);
        var (person, errors) = PersonRules.Check(
            new PersonText(body.FullName, body.IdNumber, body.DateOfBirth, body.Gender, body.Phone, null, body.Address, null),
            today, genderRequired: false);
        if (person is not null && await OpenOrApprovedAsync(db, person.IdNumber, ct))
        {
            throw new ProblemException(409, "duplicate_person", DuplicateApplication);
        }
        foreach (var lookup in holders)
        {
            if (person is not null && (await lookup.HoldersElsewhereAsync([person.IdNumber], null, ct)).Count > 0)
            {
                errors.Add(new PersonError(PersonField.IdNumber, PersonRules.Texts.HoldsPermitElsewhere));
            }
        }
        if (errors.Count > 0)
        {
            var byField = errors.GroupBy(e => FieldName(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message.Resolve()).ToArray());
            throw new ProblemException(400, "validation_failed", CommonTexts.ValidationFailed, new Dictionary<string, object?> { ["errors"] = byField });
        }

        var chain = await policies.GetChainAsync(ward.Code, ct);
        var request = new Request
        {
            Kind = RequestKind.Individual, CityCode = ward.CityCode, WardCode = ward.Code,
            // Entered by the area police themselves: that is the verification where the chain has one.
            Status = chain.PoliceVerify ? RequestStatus.Verified : RequestStatus.Submitted,
            RequiresVerification = chain.PoliceVerify,
            VerifiedBy = chain.PoliceVerify ? actor.Current.Name : null, VerifiedAt = chain.PoliceVerify ? now : null,
            SubmittedBy = actor.Current.Name, SubmittedAt = now, EntryCount = 1,
        };
        var entry = new Entry
        {
            RequestId = request.Id, Row = 1, FullName = person!.FullName, IdNumber = person.IdNumber, DateOfBirth = person.DateOfBirth,
            Gender = person.Gender, Phone = person.Phone, Residence = person.Residence, Status = EntryStatus.Pending,
            Reason = VietnameseText.Normalize(body.Reason), Destination = VietnameseText.Normalize(body.Destination),
        };
        db.Requests.Add(request);
        db.Entries.Add(entry);
        db.Audit(actor.Current, "application.submitted", "application", request.Id.ToString(), now, new { person.IdNumber }, ward.CityCode, ward.Code);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/applications/{request.Id}", ApplicationResponse.From(request, entry));
    }

    private static async Task<Ok<SharedKernel.Paging.CursorPage<ApplicationResponse>>> List(
        ApprovalsDbContext db, HttpContext http, string? status, string? wardCode, int? limit, string? cursor, CancellationToken ct)
    {
        var caller = http.Caller();
        var query = db.Requests.AsNoTracking().InScope(caller).Where(r => r.Kind == RequestKind.Individual);
        query = string.IsNullOrEmpty(status) ? query.AwaitingAction(caller) : query.Where(r => r.Status == status);
        query = RequestEndpoints.Filter(query, wardCode, null, null);
        var page = await RequestEndpoints.PageAsync(query, limit, cursor, r => r, ct);
        var ids = page.Items.Select(r => r.Id).ToList();
        var entries = await db.Entries.AsNoTracking().Where(e => ids.Contains(e.RequestId)).ToDictionaryAsync(e => e.RequestId, ct);
        return TypedResults.Ok(new SharedKernel.Paging.CursorPage<ApplicationResponse>(
            page.Items.Select(r => ApplicationResponse.From(r, entries[r.Id])).ToList(), page.NextCursor));
    }

    private static async Task<Ok<ApplicationResponse>> Get(Guid id, ApprovalsDbContext db, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await ResponseAsync(await db.FindInScopeAsync(id, individual: true, http.Caller(), ct), db, ct));

    private static async Task<Ok<ApplicationResponse>> Approve(Guid id, ApprovalsDbContext db, ChainService chain, HttpContext http, CancellationToken ct)
    {
        var request = await db.FindInScopeAsync(id, individual: true, http.Caller(), ct);
        await chain.ApproveAsync(request, null, null, ct);
        return TypedResults.Ok(await ResponseAsync(request, db, ct));
    }

    private static async Task<Ok<ApplicationResponse>> Reject(
        Guid id, RejectRequest body, ApprovalsDbContext db, ChainService chain, HttpContext http, CancellationToken ct)
    {
        var request = await db.FindInScopeAsync(id, individual: true, http.Caller(), ct);
        await chain.RejectAsync(request, body.Reason, ct);
        return TypedResults.Ok(await ResponseAsync(request, db, ct));
    }

    /// <summary>Whether this person has an application under way, or is on the individuals' approved list.</summary>
    private static async Task<bool> OpenOrApprovedAsync(ApprovalsDbContext db, string idNumber, CancellationToken ct) =>
        await db.Approved.AnyAsync(a => a.EnterpriseId == null && a.Active && a.IdNumber == idNumber, ct)
        || await (from e in db.Entries
                  join r in db.Requests on e.RequestId equals r.Id
                  where r.Kind == RequestKind.Individual && e.IdNumber == idNumber
                      && (r.Status == RequestStatus.Submitted || r.Status == RequestStatus.Verified)
                  select e.Id).AnyAsync(ct);

    private static async Task<ApplicationResponse> ResponseAsync(Request request, ApprovalsDbContext db, CancellationToken ct) =>
        ApplicationResponse.From(request, await db.Entries.AsNoTracking().FirstAsync(e => e.RequestId == request.Id, ct));

    private static string FieldName(PersonField field) => field switch
    {
        PersonField.FullName => "fullName",
        PersonField.IdNumber => "idNumber",
        PersonField.DateOfBirth => "dateOfBirth",
        PersonField.Gender => "gender",
        PersonField.Phone => "phone",
        PersonField.Residence => "address",
        _ => field.ToString(),
    };
}
