using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Enterprises.Validation;
using TravelPermits.Geography.Contracts;
using TravelPermits.SharedKernel.Text;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Enterprises.Registration;

internal sealed record RegisterEnterpriseRequest(
    string Name, string TaxCode, string WardCode, string Address, string ContactEmail, string ContactPhone, int Workforce);

/// <summary>Every field at once, the ward's existence in the national catalogue included.</summary>
/// <remarks>
/// FastEndpoints keeps one instance for the whole process, so the validator holds no scoped service:
/// it reads the catalogue through the scope of the call it validates, the one a service hands it
/// (<see cref="ContextFor"/>) or else the HTTP request's.
/// </remarks>
internal sealed class RegisterEnterpriseRequestValidator : AbstractValidator<RegisterEnterpriseRequest>
{
    private const string CatalogueKey = nameof(IGeographyDirectory);

    public RegisterEnterpriseRequestValidator(IHttpContextAccessor http)
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(300);
        RuleFor(r => r.TaxCode).NotEmpty().Must(code => Validation.TaxCode.Normalize(code) is not null)
            .WithMessage(_ => EnterpriseTexts.InvalidTaxCode.Resolve());
        RuleFor(r => r.WardCode).Cascade(CascadeMode.Stop).NotEmpty().Matches("^[0-9]{5}$")
            .MustAsync(async (_, code, context, ct) => await Catalogue(context, http).FindWardAsync(code, ct) is not null)
            .WithMessage(_ => EnterpriseTexts.UnknownWard.Resolve());
        RuleFor(r => r.Address).NotEmpty().MaximumLength(500);
        RuleFor(r => r.ContactEmail).NotEmpty().ValidEmail();
        RuleFor(r => r.ContactPhone).NotEmpty().Must(phone => VietnamesePhone.Normalize(phone) is not null)
            .WithMessage(_ => EnterpriseTexts.InvalidPhone.Resolve());
        RuleFor(r => r.Workforce).GreaterThan(0).LessThanOrEqualTo(1_000_000);
    }

    /// <summary>A validation of <paramref name="request"/> that reads <paramref name="catalogue"/> and throws on failure (for services).</summary>
    public static ValidationContext<RegisterEnterpriseRequest> ContextFor(RegisterEnterpriseRequest request, IGeographyDirectory catalogue)
    {
        var context = ValidationContext<RegisterEnterpriseRequest>.CreateWithOptions(request, options => options.ThrowOnFailures());
        context.RootContextData[CatalogueKey] = catalogue;
        return context;
    }

    private static IGeographyDirectory Catalogue(ValidationContext<RegisterEnterpriseRequest> context, IHttpContextAccessor http) =>
        context.RootContextData.TryGetValue(CatalogueKey, out var given)
            ? (IGeographyDirectory)given
            : http.HttpContext?.RequestServices.GetRequiredService<IGeographyDirectory>()
                ?? throw new InvalidOperationException("Validate a registration outside an HTTP request with RegisterEnterpriseRequestValidator.ContextFor.");
}
