using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.SharedKernel.Security;

public static class AuthorizationExtensions
{
    /// <summary>Only these roles may call the endpoint (others get 403); scope is checked by the handler.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(policy => policy.RequireRole(roles));

    public static CallerScope Caller(this HttpContext http) => CallerScope.From(http.User);
}
