using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using TravelPermits.Accounts.Persistence;
using TravelPermits.Accounts.Users;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Accounts.Auth;

/// <summary><c>GET /api/v1/me</c>: who the token belongs to and the scope it grants.</summary>
internal static class MeEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/me", Handle)
            .RequireAuthorization()
            .WithTags("Authentication")
            .WithName("Me");

    private static async Task<Ok<UserResponse>> Handle(HttpContext http, UserManager<AppUser> users)
    {
        var caller = http.Caller();
        var user = caller.UserId is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        return user is null ? throw ProblemException.NotFound(AccountsTexts.User) : TypedResults.Ok(UserResponse.From(user));
    }
}
