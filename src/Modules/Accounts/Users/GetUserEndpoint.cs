using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Accounts.Auth;
using TravelPermits.Accounts.Persistence;
using TravelPermits.SharedKernel.Problems;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Accounts.Users;

/// <summary><c>GET /api/v1/users/{id}</c> (admin): one account.</summary>
internal sealed class GetUserEndpoint(AccountsDbContext db) : EndpointWithoutRequest<UserResponse>
{
    public override void Configure()
    {
        Get("users/{id:guid}");
        Group<AccountsApi>();
        Roles(SharedKernel.Security.Roles.Admin);
        Description(route => route.WithTags("Users").WithName("GetUser"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var id = Route<Guid>("id");
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct)
            ?? throw ProblemException.NotFound(AccountsTexts.User);
        await Send.OkAsync(UserResponse.From(user), ct);
    }
}
