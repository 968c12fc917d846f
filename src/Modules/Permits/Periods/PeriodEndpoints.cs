using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Geography.Contracts;
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

/// <summary><c>cityCode</c>: an admin's choice (none: every city); an approver's periods are their city's.</summary>
internal sealed record CreatePeriodRequest(string Label, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? CityCode = null);

/// <summary>
/// A period; <c>cityCode</c> null when it holds the permits of every city; <c>closedAt</c> is when
/// its end was dealt with (permits carried into the successor, or expired).
/// </summary>
internal sealed record PeriodResponse(Guid Id, string Label, string? CityCode, DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset? ClosedAt)
{
    public static PeriodResponse From(Period p) => new(p.Id, p.Label, p.CityCode, p.StartsAt, p.EndsAt, p.ClosedAt);
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
    private static readonly LocalizedText OtherCity = new(
        "Hai giai đoạn phải cùng một thành phố.", "Both periods must be of the same city.");
    private static readonly LocalizedText EveryCity = new(
        "Giai đoạn chung cho mọi thành phố do quản trị viên quản lý.", "A period of every city is managed by an admin.");
    private static readonly LocalizedText CityNoun = new("thành phố", "city");
    private static readonly LocalizedText NoSuchCity = new("Không có thành phố, tỉnh này.", "No such city or province.");
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

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTimeOffset WholeSeconds(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>The periods that hold a city's permits: its own, and those of every city.</summary>
    public static IQueryable<Period> OfCity(this IQueryable<Period> periods, string? cityCode) =>
        periods.Where(p => p.CityCode == null || p.CityCode == cityCode);

    /// <summary>The periods the caller sees: an admin all of them; anyone else those of their city.</summary>
    private static IQueryable<Period> Visible(this IQueryable<Period> periods, CallerScope caller) =>
        caller.IsAdmin ? periods : periods.OfCity(caller.CityCode);

    /// <summary>The city's current period (its own before one of every city).</summary>
    public static Task<Period?> CurrentAsync(this PermitsDbContext db, string? cityCode, DateTimeOffset now, CancellationToken ct) =>
        db.Periods.AsNoTracking().OfCity(cityCode).Where(p => p.StartsAt <= now && now < p.EndsAt)
            .OrderBy(p => p.CityCode == null).ThenBy(p => p.StartsAt).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The period a permit issued now belongs to: the current one, or, once the current one is
    /// being carried into its successor, the successor (so that nothing issued late is left behind).
    /// </summary>
    public static async Task<Period?> IssuingPeriodAsync(this PermitsDbContext db, string cityCode, DateTimeOffset now, CancellationToken ct)
    {
        var current = await db.CurrentAsync(cityCode, now, ct);
        if (current is null || await db.Rollovers.AsNoTracking().FirstOrDefaultAsync(r => r.FromPeriodId == current.Id, ct) is not { } rollover)
        {
            return current;
        }
        return await db.Periods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == rollover.ToPeriodId, ct) ?? current;
    }

    private static async Task<Ok<CursorPage<PeriodResponse>>> List(PermitsDbContext db, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(new CursorPage<PeriodResponse>(
            (await db.Periods.AsNoTracking().Visible(http.Caller()).OrderBy(p => p.StartsAt).ToListAsync(ct)).Select(PeriodResponse.From).ToList(), null));

    /// <summary>The current period of <c>cityCode</c>, by default the caller's city (anonymous: the periods of every city).</summary>
    private static async Task<Ok<PeriodResponse>> Current(string? cityCode, PermitsDbContext db, TimeProvider time, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(PeriodResponse.From(
            await db.CurrentAsync(string.IsNullOrWhiteSpace(cityCode) ? http.Caller().CityCode : cityCode, time.GetUtcNow(), ct)
            ?? throw ProblemException.NotFound(PeriodNoun)));

    private static async Task<Ok<RolloverResult>> Rollover(
        Guid id, RolloverRequest request, PermitsDbContext db, PeriodEnds ends, ActorAccessor actor, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var from = await db.Periods.AsNoTracking().Visible(caller).FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw ProblemException.NotFound(PeriodNoun);
        var to = await db.Periods.AsNoTracking().Visible(caller).FirstOrDefaultAsync(p => p.Id == request.ToPeriodId, ct) ?? throw ProblemException.NotFound(PeriodNoun);
        if (!caller.IsAdmin && from.CityCode is null)
        {
            throw new ProblemException(403, "outside_scope", EveryCity);
        }
        if (to.CityCode != from.CityCode)
        {
            throw new ProblemException(409, "invalid_period", OtherCity);
        }
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
        CreatePeriodRequest request, PermitsDbContext db, PeriodTriggers triggers, ActorAccessor actor, TimeProvider time,
        IGeographyDirectory geography, HttpContext http, CancellationToken ct)
    {
        var caller = http.Caller();
        var city = caller.IsAdmin ? NullIfBlank(request.CityCode) : caller.CityCode;
        if (!caller.IsAdmin && NullIfBlank(request.CityCode) is { } asked && asked != city)
        {
            throw ProblemException.NotFound(CityNoun); // another city is outside an approver's scope
        }
        if (city is not null && await geography.FindCityAsync(city, ct) is null)
        {
            throw ProblemException.Invalid("cityCode", NoSuchCity);
        }
        // Whole seconds: what every database keeps exactly.
        var (start, end) = (WholeSeconds(request.StartsAt), WholeSeconds(request.EndsAt));
        // Periods of one city may not overlap, nor one of every city with any other.
        var overlapping = await db.Periods.AsNoTracking()
            .Where(p => city == null || p.CityCode == null || p.CityCode == city)
            .FirstOrDefaultAsync(p => p.StartsAt < end && start < p.EndsAt, ct);
        if (overlapping is not null)
        {
            throw new ProblemException(409, "period_overlap", Overlap.Format(overlapping.Label),
                new Dictionary<string, object?> { ["periodId"] = overlapping.Id });
        }
        var now = time.GetUtcNow();
        var period = new Period { Label = VietnameseText.Normalize(request.Label), CityCode = city, StartsAt = start, EndsAt = end, CreatedAt = now, CreatedBy = actor.Current.Name };
        db.Periods.Add(period);
        db.Audit(actor.Current, "period.created", "period", period.Id.ToString(), now, new { period.Label, cityCode = city, start, end });
        await db.SaveChangesAsync(ct);
        await triggers.ScheduleAsync(period, ct);
        return TypedResults.Created($"/api/v1/periods/{period.Id}", PeriodResponse.From(period));
    }
}
