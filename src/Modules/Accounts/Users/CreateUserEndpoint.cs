using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Idempotency;

namespace TravelPermits.Accounts.Users;

/// <summary><c>POST /api/v1/users</c> (admin): an account with one role and its scope (<see cref="UserAccounts"/>).</summary>
internal sealed class CreateUserEndpoint(UserAccounts accounts) : Endpoint<CreateUserRequest, UserResponse>
{
    public override void Configure()
    {
        Post("users");
        Group<AccountsApi>();
        Roles(SharedKernel.Security.Roles.Admin);
        Options(route => route.Idempotent());
        Description(route => route
            .WithTags("Users")
            .WithName("CreateUser")
            .Produces<UserResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(CreateUserRequest request, CancellationToken ct)
    {
        var user = await accounts.CreateAsync(request, Actor.From(HttpContext), ct);
        await Send.ResultAsync(TypedResults.Created($"/api/v1/users/{user.Id}", UserResponse.From(user)));
    }
}
