using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Permits.Persistence;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Idempotency;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Text;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Permits.Periods;

internal sealed record CreatePeriodRequest(string Label, DateTimeOffset StartsAt, DateTimeOffset EndsAt);

internal sealed record PeriodResponse(Guid Id, string Label, DateTimeOffset StartsAt, DateTimeOffset EndsAt)
{
    public static PeriodResponse From(Period p) => new(p.Id, p.Label, p.StartsAt, p.EndsAt);
}

internal sealed class CreatePeriodRequestValidator : AbstractValidator<CreatePeriodRequest>
{
    public CreatePeriodRequestValidator()
    {
        RuleFor(r => r.Label).NotEmpty().MaximumLength(100);
        RuleFor(r => r.StartsAt).NotEmpty();
        RuleFor(r => r.EndsAt).GreaterThan(r => r.StartsAt);
        RuleFor(r => r.EndsAt).Must((r, end) => end - r.StartsAt <= TimeSpan.FromDays(366))
            .WithMessage(_ => new LocalizedText("Một giai đoạn dài tối đa một năm.", "A period lasts at most a year.").Resolve());
    }
}

/// <summary>Validity periods: <c>GET /api/v1/periods</c>, <c>GET /api/v1/periods/current</c>, <c>POST /api/v1/periods</c>.</summary>
internal static class PeriodEndpoints
{
    private static readonly LocalizedText PeriodNoun = new("giai đoạn hiệu lực", "validity period");
    private static readonly LocalizedText Overlap = new(
        "Giai đoạn này trùng thời gian với giai đoạn \"{0}\".", "This period overlaps the period \"{0}\".");

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/periods", List).RequireAuthorization().WithTags("Periods").WithName("ListPeriods");
        routes.MapGet("/api/v1/periods/current", Current).AllowAnonymous().WithTags("Periods").WithName("CurrentPeriod");
        routes.MapPost("/api/v1/periods", Create).RequireRoles(Roles.Approver, Roles.Admin)
            .Validate<CreatePeriodRequest>().ProducesProblem(StatusCodes.Status409Conflict).Idempotent().WithTags("Periods").WithName("CreatePeriod");
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    public static Task<Period?> CurrentAsync(this PermitsDbContext db, DateTimeOffset now, CancellationToken ct) =>
        db.Periods.AsNoTracking().Where(p => p.StartsAt <= now && now < p.EndsAt).OrderBy(p => p.StartsAt).FirstOrDefaultAsync(ct);

    private static async Task<Ok<CursorPage<PeriodResponse>>> List(PermitsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(new CursorPage<PeriodResponse>(
            (await db.Periods.AsNoTracking().OrderBy(p => p.StartsAt).ToListAsync(ct)).Select(PeriodResponse.From).ToList(), null));

    private static async Task<Ok<PeriodResponse>> Current(PermitsDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(PeriodResponse.From(await db.CurrentAsync(time.GetUtcNow(), ct) ?? throw ProblemException.NotFound(PeriodNoun)));

    private static async Task<Created<PeriodResponse>> Create(
        CreatePeriodRequest request, PermitsDbContext db, ActorAccessor actor, TimeProvider time, CancellationToken ct)
    {
        // Whole seconds: what every database keeps exactly.
        var (start, end) = (WholeSeconds(request.StartsAt), WholeSeconds(request.EndsAt));
        var overlapping = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.StartsAt < end && start < p.EndsAt, ct);
        if (overlapping is not null)
        {
            throw new ProblemException(409, "period_overlap", Overlap.Format(overlapping.Label),
                new Dictionary<string, object?> { ["periodId"] = overlapping.Id });
        }
        var now = time.GetUtcNow();
        var period = new Period { Label = VietnameseText.Normalize(request.Label), StartsAt = start, EndsAt = end, CreatedAt = now, CreatedBy = actor.Current.Name };
        db.Periods.Add(period);
        db.Audit(actor.Current, "period.created", "period", period.Id.ToString(), now, new { period.Label, start, end });
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/periods/{period.Id}", PeriodResponse.From(period));
    }
}
