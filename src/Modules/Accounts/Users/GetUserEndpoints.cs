using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Accounts.Auth;
using TravelPermits.Accounts.Persistence;
using TravelPermits.SharedKernel.Paging;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Accounts.Users;

/// <summary><c>GET /api/v1/users</c> and <c>GET /api/v1/users/{id}</c> (admin).</summary>
internal static class GetUserEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/users", List).RequireRoles(Roles.Admin).WithTags("Users").WithName("ListUsers");
        routes.MapGet("/api/v1/users/{id:guid}", Get).RequireRoles(Roles.Admin).WithTags("Users").WithName("GetUser");
    }

    private static async Task<Ok<CursorPage<UserResponse>>> List(
        AccountsDbContext db, string? role, string? wardCode, int? limit, string? cursor, CancellationToken ct)
    {
        var take = Paging.Limit(limit);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(role))
        {
            users = users.Where(u => u.Role == role);
        }
        if (!string.IsNullOrEmpty(wardCode))
        {
            users = users.Where(u => u.WardCode == wardCode);
        }
        if (Paging.Decode(cursor) is { } after)
        {
            users = users.Where(u => string.Compare(u.NormalizedEmail, after) > 0);
        }
        var rows = await users.OrderBy(u => u.NormalizedEmail).Take(take + 1).ToListAsync(ct);
        return TypedResults.Ok(Paging.Page(rows.Select(UserResponse.From).ToList(), take, u => u.Email.ToUpperInvariant()));
    }

    private static async Task<Ok<UserResponse>> Get(Guid id, AccountsDbContext db, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct)
            ?? throw ProblemException.NotFound(AccountsTexts.User);
        return TypedResults.Ok(UserResponse.From(user));
    }
}
