using TravelPermits.Accounts.Persistence;

namespace TravelPermits.Accounts.Users;

internal sealed record UserResponse(Guid Id, string Email, string FullName, string Role, string? CityCode, string? WardCode, Guid? EnterpriseId)
{
    public static UserResponse From(AppUser user) =>
        new(user.Id, user.Email!, user.FullName, user.Role, user.CityCode, user.WardCode, user.EnterpriseId);
}
