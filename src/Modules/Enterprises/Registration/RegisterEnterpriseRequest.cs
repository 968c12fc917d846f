using FluentValidation;
using TravelPermits.Enterprises.Validation;
using TravelPermits.Geography.Contracts;
using TravelPermits.SharedKernel.Text;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Enterprises.Registration;

internal sealed record RegisterEnterpriseRequest(
    string Name, string TaxCode, string WardCode, string Address, string ContactEmail, string ContactPhone, int Workforce);

/// <summary>Every field at once, the ward's existence in the national catalogue included.</summary>
internal sealed class RegisterEnterpriseRequestValidator : AbstractValidator<RegisterEnterpriseRequest>
{
    public RegisterEnterpriseRequestValidator(IGeographyDirectory geography)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(300);
        RuleFor(r => r.TaxCode).NotEmpty().Must(code => Validation.TaxCode.Normalize(code) is not null)
            .WithMessage(_ => EnterpriseTexts.InvalidTaxCode.Resolve());
        RuleFor(r => r.WardCode).Cascade(CascadeMode.Stop).NotEmpty().Matches("^[0-9]{5}$")
            .MustAsync(async (code, ct) => await geography.FindWardAsync(code, ct) is not null)
            .WithMessage(_ => EnterpriseTexts.UnknownWard.Resolve());
        RuleFor(r => r.Address).NotEmpty().MaximumLength(500);
        RuleFor(r => r.ContactEmail).NotEmpty().ValidEmail();
        RuleFor(r => r.ContactPhone).NotEmpty().Must(phone => VietnamesePhone.Normalize(phone) is not null)
            .WithMessage(_ => EnterpriseTexts.InvalidPhone.Resolve());
        RuleFor(r => r.Workforce).GreaterThan(0).LessThanOrEqualTo(1_000_000);
    }
}

internal sealed record RejectRequest(string Reason);

internal sealed class RejectRequestValidator : AbstractValidator<RejectRequest>
{
    public RejectRequestValidator() => RuleFor(r => r.Reason).NotEmpty().MaximumLength(1000);
}
