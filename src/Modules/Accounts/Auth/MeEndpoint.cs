using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using TravelPermits.Accounts.Persistence;
using TravelPermits.Accounts.Users;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Accounts.Auth;

/// <summary><c>GET /api/v1/me</c>: who the token belongs to and the scope it grants (any signed-in user).</summary>
internal sealed class MeEndpoint(UserManager<AppUser> users) : EndpointWithoutRequest<UserResponse>
{
    public override void Configure()
    {
        Get("me");
        Group<AccountsApi>();
        Description(route => route.WithTags("Authentication").WithName("Me"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var caller = HttpContext.Caller();
        var user = (caller.UserId is { } id ? await users.FindByIdAsync(id.ToString()) : null)
            ?? throw ProblemException.NotFound(AccountsTexts.User);
        await Send.OkAsync(UserResponse.From(user), ct);
    }
}
