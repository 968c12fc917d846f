using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Idempotency;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Periods;

/// <summary><c>cityCode</c>: an admin's choice (none: every city); an approver's periods are their city's.</summary>
internal sealed record CreatePeriodRequest(string Label, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? CityCode = null);

internal sealed class CreatePeriodRequestValidator : AbstractValidator<CreatePeriodRequest>
{
    public CreatePeriodRequestValidator()
    {
        RuleFor(r => r.Label).NotEmpty().MaximumLength(100);
        RuleFor(r => r.StartsAt).NotEmpty();
        RuleFor(r => r.EndsAt).GreaterThan(r => r.StartsAt);
        RuleFor(r => r.EndsAt).Must((r, end) => end - r.StartsAt <= TimeSpan.FromDays(366))
            .WithMessage(_ => PeriodTexts.TooLong.Resolve());
    }
}

/// <summary><c>POST /api/v1/periods</c> (approver, admin; Idempotency-Key honoured): 201 with the period and its Location.</summary>
internal sealed class CreatePeriodEndpoint(PeriodCreator creator) : Endpoint<CreatePeriodRequest, PeriodResponse>
{
    public override void Configure()
    {
        Post("periods");
        Group<PermitsApi>();
        Roles(SharedKernel.Security.Roles.Approver, SharedKernel.Security.Roles.Admin);
        Options(route => route.ProducesProblem(StatusCodes.Status409Conflict).Idempotent());
        Description(route => route.WithTags("Periods").WithName("CreatePeriod"));
    }

    public override async Task HandleAsync(CreatePeriodRequest request, CancellationToken ct)
    {
        var period = await creator.CreateAsync(request, HttpContext.Caller(), ct);
        await Send.ResultAsync(TypedResults.Created($"/api/v1/periods/{period.Id}", PeriodResponse.From(period)));
    }
}
