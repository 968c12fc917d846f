using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Idempotency;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Accounts.Users;

/// <summary><c>POST /api/v1/users</c> (admin): an account with one role and its scope.</summary>
internal static class CreateUserEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/users", Handle)
            .RequireRoles(Roles.Admin)
            .Validate<CreateUserRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .Idempotent()
            .WithTags("Users")
            .WithName("CreateUser");

    private static async Task<Created<UserResponse>> Handle(CreateUserRequest request, UserAccounts accounts, HttpContext http, CancellationToken ct)
    {
        var user = await accounts.CreateAsync(request, Actor.From(http), ct);
        return TypedResults.Created($"/api/v1/users/{user.Id}", UserResponse.From(user));
    }
}
