using FluentValidation;
using TravelPermits.Accounts.Auth;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Accounts.Users;

internal sealed record CreateUserRequest(
    string Email, string Password, string FullName, string Role, string? CityCode, string? WardCode, Guid? EnterpriseId);

/// <summary>The scope a role needs: a city for approver and checkpoint, a ward for ward roles, an enterprise for enterprise.</summary>
internal sealed class CreateUserRequestValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().ValidEmail();
        RuleFor(r => r.Password).NotEmpty().MaximumLength(128);
        RuleFor(r => r.FullName).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Role).NotEmpty().Must(role => Roles.All.Contains(role)).WithMessage(_ => AccountsTexts.UnknownRole.Resolve());
        When(r => Roles.All.Contains(r.Role), () =>
        {
            RuleFor(r => r.CityCode).NotEmpty().WithMessage(_ => AccountsTexts.ScopeRequired.Resolve())
                .When(r => Roles.CityScoped.Contains(r.Role));
            RuleFor(r => r.CityCode).Empty().WithMessage(_ => AccountsTexts.ScopeNotAllowed.Resolve())
                .When(r => !Roles.CityScoped.Contains(r.Role));
            RuleFor(r => r.WardCode).NotEmpty().WithMessage(_ => AccountsTexts.ScopeRequired.Resolve())
                .When(r => Roles.WardScoped.Contains(r.Role));
            RuleFor(r => r.WardCode).Empty().WithMessage(_ => AccountsTexts.ScopeNotAllowed.Resolve())
                .When(r => !Roles.WardScoped.Contains(r.Role));
            // Not only present: the all-zero id names no enterprise either.
            RuleFor(r => r.EnterpriseId).Must(id => id is { } given && given != Guid.Empty).WithMessage(_ => AccountsTexts.ScopeRequired.Resolve())
                .When(r => r.Role == Roles.Enterprise);
            RuleFor(r => r.EnterpriseId).Empty().WithMessage(_ => AccountsTexts.ScopeNotAllowed.Resolve())
                .When(r => r.Role != Roles.Enterprise);
        });
    }
}
