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

/// <summary>A period; <c>closedAt</c> is when its end was dealt with (permits carried into the successor, or expired).</summary>
internal sealed record PeriodResponse(Guid Id, string Label, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset? ClosedAt)
{
    public static PeriodResponse From(Period p) => new(p.Id, p.Label, p.StartsAt, p.EndsAt, p.ClosedAt);
}

internal sealed record RolloverRequest(Guid ToPeriodId);

internal sealed class RolloverRequestValidator : AbstractValidator<RolloverRequest>
{
    public RolloverRequestValidator() => RuleFor(r => r.ToPeriodId).NotEmpty();
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
    private static readonly LocalizedText NotLater = new(
        "Giai đoạn nhận phải bắt đầu từ khi giai đoạn \"{0}\" kết thúc trở đi.", "The receiving period must start at or after the end of \"{0}\".");
    private static readonly LocalizedText AlreadyRolling = new(
        "Giấy của giai đoạn này đã được chuyển sang một giai đoạn khác.", "The permits of this period are already being carried into another period.");
    private static readonly LocalizedText AlreadyClosed = new(
        "Giai đoạn này đã kết thúc và các giấy của nó đã hết hạn.", "This period has ended and its permits have expired.");

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/periods", List).RequireAuthorization().WithTags("Periods").WithName("ListPeriods");
        routes.MapGet("/api/v1/periods/current", Current).AllowAnonymous().WithTags("Periods").WithName("CurrentPeriod");
        routes.MapPost("/api/v1/periods", Create).RequireRoles(Roles.Approver, Roles.Admin)
            .Validate<CreatePeriodRequest>().ProducesProblem(StatusCodes.Status409Conflict).Idempotent().WithTags("Periods").WithName("CreatePeriod");
        routes.MapPost("/api/v1/periods/{id:guid}/rollover", Rollover).RequireRoles(Roles.Approver, Roles.Admin)
            .Validate<RolloverRequest>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags("Periods").WithName("RolloverPeriod");
    }

    private static DateTimeOffset WholeSeconds(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    public static Task<Period?> CurrentAsync(this PermitsDbContext db, DateTimeOffset now, CancellationToken ct) =>
        db.Periods.AsNoTracking().Where(p => p.StartsAt <= now && now < p.EndsAt).OrderBy(p => p.StartsAt).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The period a permit issued now belongs to: the current one, or, once the current one is
    /// being carried into its successor, the successor (so that nothing issued late is left behind).
    /// </summary>
    public static async Task<Period?> IssuingPeriodAsync(this PermitsDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var current = await db.CurrentAsync(now, ct);
        if (current is null || await db.Rollovers.AsNoTracking().FirstOrDefaultAsync(r => r.FromPeriodId == current.Id, ct) is not { } rollover)
        {
            return current;
        }
        return await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == rollover.ToPeriodId, ct) ?? current;
    }

    private static async Task<Ok<CursorPage<PeriodResponse>>> List(PermitsDbContext db, CancellationToken ct) =>
        TypedResults.Ok(new CursorPage<PeriodResponse>(
            (await db.Periods.AsNoTracking().OrderBy(p => p.StartsAt).ToListAsync(ct)).Select(PeriodResponse.From).ToList(), null));

    private static async Task<Ok<PeriodResponse>> Current(PermitsDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(PeriodResponse.From(await db.CurrentAsync(time.GetUtcNow(), ct) ?? throw ProblemException.NotFound(PeriodNoun)));

    private static async Task<Ok<RolloverResult>> Rollover(
        Guid id, RolloverRequest request, PermitsDbContext db, PeriodEnds ends, ActorAccessor actor, CancellationToken ct)
    {
        var from = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw ProblemException.NotFound(PeriodNoun);
        var to = await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == request.ToPeriodId, ct) ?? throw ProblemException.NotFound(PeriodNoun);
        if (to.StartsAt < from.EndsAt)
        {
            throw new ProblemException(409, "invalid_period", NotLater.Format(from.Label));
        }
        var begun = await db.Rollovers.AsNoTracking().AnyAsync(r => r.FromPeriodId == from.Id, ct);
        if (from.ClosedAt is not null && !begun)
        {
            throw new ProblemException(409, "period_closed", AlreadyClosed);
        }
        try
        {
            return TypedResults.Ok(await ends.RolloverAsync(from, to, actor.Current, ct));
        }
        catch (RolloverConflictException e)
        {
            throw new ProblemException(409, "rollover_conflict", AlreadyRolling,
                new Dictionary<string, object?> { ["toPeriodId"] = e.ToPeriodId });
        }
    }

    private static async Task<Created<PeriodResponse>> Create(
        CreatePeriodRequest request, PermitsDbContext db, PeriodTriggers triggers, ActorAccessor actor, TimeProvider time, CancellationToken ct)
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
        await triggers.ScheduleAsync(period, ct);
        return TypedResults.Created($"/api/v1/periods/{period.Id}", PeriodResponse.From(period));
    }
}
