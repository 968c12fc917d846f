using FluentValidation;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TravelPermits.Accounts.Auth;
using TravelPermits.Accounts.Bootstrap;
using TravelPermits.Accounts.Contracts;
using TravelPermits.Accounts.Persistence;
using TravelPermits.Accounts.Users;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Validation;

using TravelPermits.SharedKernel.Settings;

namespace TravelPermits.Accounts;

/// <summary>Users, sign-in with bearer tokens, roles and scopes; its routes are the endpoints of <see cref="AccountsApi"/>.</summary>
public static class AccountsModule
{
    /// <summary>The web interface's sign-in cookie (<see cref="IWebSignIn"/>).</summary>
    public const string CookieScheme = "Identity.Application"; // IdentityConstants.ApplicationScheme

    /// <summary>The default scheme: the bearer token when the request has an Authorization header, else the cookie.</summary>
    public const string SignedInScheme = "BearerOrCookie";

    public static IServiceCollection AddAccountsModule(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration; // settings are bound from the Host's configuration as options, checked at start
        services.AddModuleDbContext<AccountsDbContext>("__acc_migrations");
        services.AddSettings<AuthOptions>(AuthOptions.Section);
        services.AddSettings<BootstrapOptions>(BootstrapOptions.Section);
        // Bearer tokens for API clients; the web interface's cookie beside them (ADR 20). A request
        // that carries an Authorization header is judged by the bearer scheme alone, as before.
        services.AddAuthentication(SignedInScheme)
            .AddBearerToken(IdentityConstants.BearerScheme)
            .AddWebCookie()
            .AddPolicyScheme(SignedInScheme, null, scheme => scheme.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.Count > 0 ? IdentityConstants.BearerScheme : CookieScheme);
        services.AddOptions<BearerTokenOptions>(IdentityConstants.BearerScheme).Configure<IOptions<AuthOptions>>((bearer, auth) =>
        {
            bearer.BearerTokenExpiration = TimeSpan.FromMinutes(auth.Value.AccessTokenMinutes);
            bearer.RefreshTokenExpiration = TimeSpan.FromDays(auth.Value.RefreshTokenDays);
        });
        services.AddSingleton<IPostConfigureOptions<BearerTokenOptions>, CacheBearerTickets>();
        // Every route not marked otherwise needs a signed-in user. A request that matches no route
        // (404), or a route under another method or content type (routing's own 405 and 415
        // endpoints, which are not route endpoints), gets that answer, signed in or not.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(SignedInScheme)
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
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ScopeClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddDefaultTokenProviders();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((identity, auth) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = auth.Value.MaxFailedAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.Value.LockoutMinutes);
        });
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(7));

        services.AddScoped<PasswordSignIn>();
        services.AddScoped<IWebSignIn, CookieSignIn>();
        services.AddSingleton<UnknownAccountPassword>();
        services.AddScoped<TokenRefresh>();
        services.AddScoped<PasswordReset>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<IAccountAdministration>(sp => sp.GetRequiredService<UserAccounts>());
        services.AddScoped<BootstrapAdmin>();
        services.AddScoped<IEnterpriseAccounts, EnterpriseAccounts>();
        services.AddValidatorsFromAssembly(typeof(AccountsModule).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    /// <summary>Creates the first admin when no user exists; returns its email, or null when users existed.</summary>
    public static Task<string?> EnsureBootstrapAdminAsync(IServiceProvider scopedServices, CancellationToken cancellationToken) =>
        scopedServices.GetRequiredService<BootstrapAdmin>().EnsureAsync(cancellationToken);
}
