using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Accounts.Persistence;
using TravelPermits.SharedKernel.Paging;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Accounts.Users;

internal sealed class ListUsersRequest
{
    public string? Role { get; init; }
    public string? WardCode { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary><c>GET /api/v1/users?role=&amp;wardCode=&amp;limit=&amp;cursor=</c> (admin): by email, a page at a time.</summary>
internal sealed class ListUsersEndpoint(AccountsDbContext db) : Endpoint<ListUsersRequest, CursorPage<UserResponse>>
{
    public override void Configure()
    {
        Get("users");
        Group<AccountsApi>();
        Roles(SharedKernel.Security.Roles.Admin);
        Description(route => route.WithTags("Users").WithName("ListUsers"));
    }

    public override async Task HandleAsync(ListUsersRequest request, CancellationToken ct)
    {
        var take = Paging.Limit(request.Limit);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrEmpty(request.Role))
        {
            users = users.Where(u => u.Role == request.Role);
        }
        if (!string.IsNullOrEmpty(request.WardCode))
        {
            users = users.Where(u => u.WardCode == request.WardCode);
        }
        if (Paging.Decode(request.Cursor) is { } after)
        {
            users = users.Where(u => string.Compare(u.NormalizedEmail, after) > 0);
        }
        var rows = await users.OrderBy(u => u.NormalizedEmail).Take(take + 1).ToListAsync(ct);
        await Send.OkAsync(Paging.Page(rows.Select(UserResponse.From).ToList(), take, u => u.Email.ToUpperInvariant()), ct);
    }
}
