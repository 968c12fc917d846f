using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Accounts.Auth;
using TravelPermits.Accounts.Persistence;
using TravelPermits.SharedKernel.Security;
using Xunit;

namespace TravelPermits.Accounts.Tests;

/// <summary>The token carries the role and its scope, read back by <see cref="CallerScope"/> on every request.</summary>
public sealed class ScopeClaimsFactoryTests
{
    private static readonly Guid SomeEnterprise = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    [Fact]
    public async Task The_module_signs_users_in_with_the_scope_claims_factory()
    {
        using var services = ModuleServices.Build();
        await using var scope = services.CreateAsyncScope();
        Assert.IsType<ScopeClaimsFactory>(scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>());
    }

    [Fact]
    public async Task An_admin_gets_its_role_and_no_scope()
    {
        var principal = await Principal(ModuleServices.User(Roles.Admin));
        Assert.Equal(Roles.Admin, Assert.Single(principal.FindAll(ClaimTypes.Role)).Value);
        Assert.Null(principal.FindFirst(ScopeClaims.CityCode));
        Assert.Null(principal.FindFirst(ScopeClaims.WardCode));
        Assert.Null(principal.FindFirst(ScopeClaims.EnterpriseId));

        var caller = CallerScope.From(principal);
        Assert.True(caller.IsAdmin);
        Assert.True(caller.Covers("48", "20194"));
    }

    [Fact]
    public async Task An_approver_is_scoped_to_its_city()
    {
        var caller = CallerScope.From(await Principal(ModuleServices.User(Roles.Approver, city: "48")));
        Assert.Equal(new CallerScope(ModuleServices.User(Roles.Approver).Id, "approver@cty.vn", Roles.Approver, "48", null, null), caller);
        Assert.True(caller.Covers("48", "20194"));
        Assert.False(caller.Covers("01", "00001"));
    }

    [Fact]
    public async Task A_ward_officer_is_scoped_to_its_ward()
    {
        var caller = CallerScope.From(await Principal(ModuleServices.User(Roles.WardOfficer, ward: "20194")));
        Assert.Equal((Roles.WardOfficer, (string?)null, "20194", (Guid?)null), (caller.Role, caller.CityCode, caller.WardCode, caller.EnterpriseId));
        Assert.True(caller.Covers("48", "20194"));
        Assert.False(caller.Covers("48", "20195"));
    }

    [Fact]
    public async Task An_enterprise_account_is_scoped_to_its_enterprise()
    {
        var principal = await Principal(ModuleServices.User(Roles.Enterprise, enterprise: SomeEnterprise));
        Assert.Equal(SomeEnterprise.ToString(), principal.FindFirstValue(ScopeClaims.EnterpriseId));

        var caller = CallerScope.From(principal);
        Assert.Equal(SomeEnterprise, caller.EnterpriseId);
        Assert.True(caller.CoversEnterprise(SomeEnterprise, "48", "20194"));
        Assert.False(caller.CoversEnterprise(Guid.NewGuid(), "48", "20194"));
    }

    [Fact]
    public async Task The_identity_claims_survive_beside_the_scope()
    {
        var user = ModuleServices.User(Roles.Checkpoint, city: "48");
        var principal = await Principal(user);
        Assert.True(principal.Identity?.IsAuthenticated);
        Assert.Equal(user.Id.ToString(), principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("checkpoint@cty.vn", principal.FindFirstValue(ClaimTypes.Name));
        Assert.Equal("48", principal.FindFirstValue(ScopeClaims.CityCode));
    }

    private static async Task<ClaimsPrincipal> Principal(AppUser user)
    {
        using var services = ModuleServices.Build();
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
    }
}
