using FluentValidation;

namespace TravelPermits.Enterprises.Quota;

/// <summary>
/// <c>workforce</c> and <c>ratioPercent</c> recompute the quota (dropping an explicit one);
/// <c>quota</c> sets it explicitly. A reason is always required.
/// </summary>
internal sealed record ChangeQuotaRequest(int? Workforce, int? RatioPercent, int? Quota, string Reason);

internal sealed class ChangeQuotaRequestValidator : AbstractValidator<ChangeQuotaRequest>
{
    public ChangeQuotaRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
        RuleFor(r => r.Workforce).GreaterThan(0).LessThanOrEqualTo(1_000_000);
        RuleFor(r => r.RatioPercent).InclusiveBetween(0, 100);
        RuleFor(r => r.Quota).GreaterThanOrEqualTo(0);
        RuleFor(r => r).Must(r => r.Workforce is not null || r.RatioPercent is not null || r.Quota is not null)
            .WithName("quota").WithMessage(_ => EnterpriseTexts.NothingToChange.Resolve());
    }
}
