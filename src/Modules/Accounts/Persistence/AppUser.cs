using Microsoft.AspNetCore.Identity;

namespace TravelPermits.Accounts.Persistence;

/// <summary>A person who signs in: one role and the scope it applies to.</summary>
internal sealed class AppUser : IdentityUser<Guid>
{
    public required string FullName { get; set; }
    public required string Role { get; set; }
    public string? CityCode { get; set; }
    public string? WardCode { get; set; }
    public Guid? EnterpriseId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
