using FluentValidation;
using Microsoft.AspNetCore.Identity;
using TravelPermits.Accounts.Auth;
using TravelPermits.Accounts.Contracts;
using TravelPermits.Accounts.Persistence;
using TravelPermits.Geography.Contracts;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Accounts.Users;

/// <summary>Creates accounts: resolves the scope the role needs, applies the password policy, audits.</summary>
internal sealed class UserAccounts(
    AccountsDbContext db,
    UserManager<AppUser> users,
    IGeographyDirectory geography,
    IEnumerable<IEnterpriseScopeLookup> enterprises,
    TimeProvider time,
    ActorAccessor actor,
    IValidator<CreateUserRequest> validator) : IAccountAdministration
{
    public async Task<Guid> CreateAsync(NewAccount account, CancellationToken cancellationToken)
    {
        var request = new CreateUserRequest(account.Email, account.Password, account.FullName, account.Role,
            account.CityCode, account.WardCode, account.EnterpriseId);
        await validator.ValidateAndThrowAsync(request, cancellationToken);
        return (await CreateAsync(request, actor.Current, cancellationToken)).Id;
    }

    public async Task<bool> ExistsAsync(string email, CancellationToken cancellationToken) =>
        await users.FindByEmailAsync(email.Trim()) is not null;

    public async Task<AppUser> CreateAsync(CreateUserRequest request, Actor actor, CancellationToken ct)
    {
        var (city, ward, enterprise) = await ResolveScopeAsync(request, ct);
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = request.Email.Trim(),
            Email = request.Email.Trim(),
            EmailConfirmed = true,
            FullName = SharedKernel.Text.VietnameseText.Normalize(request.FullName),
            Role = request.Role,
            CityCode = city,
            WardCode = ward,
            EnterpriseId = enterprise,
            CreatedAt = time.GetUtcNow(),
            LockoutEnabled = true,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            throw Refusal(created);
        }
        db.Audit(actor, "user.created", "user", user.Id.ToString(), time.GetUtcNow(),
            new { user.Email, user.Role, user.CityCode, user.WardCode, user.EnterpriseId }, city, ward);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return user;
    }

    private async Task<(string? City, string? Ward, Guid? Enterprise)> ResolveScopeAsync(CreateUserRequest request, CancellationToken ct)
    {
        if (Roles.WardScoped.Contains(request.Role))
        {
            var ward = await geography.FindWardAsync(request.WardCode!, ct)
                ?? throw ProblemException.Invalid("wardCode", AccountsTexts.UnknownWard);
            return (ward.CityCode, ward.Code, null);
        }
        if (Roles.CityScoped.Contains(request.Role))
        {
            var city = await geography.FindCityAsync(request.CityCode!, ct)
                ?? throw ProblemException.Invalid("cityCode", AccountsTexts.UnknownCity);
            return (city.Code, null, null);
        }
        if (request.Role == Roles.Enterprise)
        {
            EnterpriseScope? scope = null;
            foreach (var lookup in enterprises)
            {
                scope ??= await lookup.FindAsync(request.EnterpriseId!.Value, ct);
            }
            return scope is null
                ? throw ProblemException.Invalid("enterpriseId", AccountsTexts.UnknownEnterprise)
                : (scope.CityCode, scope.WardCode, scope.EnterpriseId);
        }
        return (null, null, null);
    }

    private static ProblemException Refusal(IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return ProblemException.Conflict("duplicate_email", AccountsTexts.EmailTaken);
        }
        var messages = result.Errors.Select(e => e.Description).ToArray();
        var field = result.Errors.All(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "password" : "email";
        var text = new LocalizedText(string.Join(' ', messages), string.Join(' ', messages));
        return new ProblemException(400, "validation_failed", text,
            new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = messages } });
    }
}
