using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Accounts.Auth;
using TravelPermits.Accounts.Bootstrap;
using TravelPermits.Accounts.Contracts;
using TravelPermits.Accounts.Persistence;
using TravelPermits.Accounts.Users;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Accounts;

/// <summary>Users, sign-in with bearer tokens, roles and scopes.</summary>
public static class AccountsModule
{
    public static IServiceCollection AddAccountsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModuleDbContext<AccountsDbContext>("__acc_migrations");
        services.AddAuthentication(IdentityConstants.BearerScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, options =>
            {
                options.BearerTokenExpiration = TimeSpan.FromMinutes(configuration.GetValue("Permits:Auth:AccessTokenMinutes", 60));
                options.RefreshTokenExpiration = TimeSpan.FromDays(configuration.GetValue("Permits:Auth:RefreshTokenDays", 7));
            });
        // Every route not marked otherwise needs a signed-in user. A request that matches no route
        // (404), or a route under another method or content type (routing's own 405 and 415
        // endpoints, which are not route endpoints), gets that answer, signed in or not.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(IdentityConstants.BearerScheme)
                .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true
                    || (context.Resource is HttpContext http && http.GetEndpoint() is not RouteEndpoint))
                .Build());

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 10;
                options.Password.RequireDigit = true;
                options.Password.RequireLowercase = true;
                options.Password.RequireUppercase = true;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 5;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Permits:Auth:MaxFailedAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(configuration.GetValue("Permits:Auth:LockoutMinutes", 15));
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ScopeClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddDefaultTokenProviders();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(7));

        services.AddScoped<UserAccounts>();
        services.AddScoped<IAccountAdministration>(sp => sp.GetRequiredService<UserAccounts>());
        services.AddScoped<BootstrapAdmin>();
        services.AddScoped<IEnterpriseAccounts, EnterpriseAccounts>();
        services.AddValidatorsFrom(typeof(AccountsModule).Assembly);
        return services;
    }

    public static IEndpointRouteBuilder MapAccountsEndpoints(this IEndpointRouteBuilder routes)
    {
        LoginEndpoint.Map(routes);
        RefreshEndpoint.Map(routes);
        MeEndpoint.Map(routes);
        SetPasswordEndpoint.Map(routes);
        CreateUserEndpoint.Map(routes);
        GetUserEndpoints.Map(routes);
        return routes;
    }

    /// <summary>Creates the first admin when no user exists; returns its email, or null when users existed.</summary>
    public static Task<string?> EnsureBootstrapAdminAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        scopedServices.GetRequiredService<BootstrapAdmin>().EnsureAsync(cancellationToken);
}
