using System.Security.Claims;

namespace TravelPermits.SharedKernel.Security;

/// <summary>
/// Who is calling and how far their jurisdiction reaches. A resource outside it is answered
/// with 404, as if it did not exist.
/// </summary>
public sealed record CallerScope(Guid? UserId, string? Email, string? Role, string? CityCode, string? WardCode, Guid? EnterpriseId)
{
    public static readonly CallerScope Anonymous = new(null, null, null, null, null, null);

    public bool IsAuthenticated => Role is not null;
    public bool IsAdmin => Role == Roles.Admin;

    public static CallerScope From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }
        return new CallerScope(
            Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null,
            user.FindFirstValue(ClaimTypes.Email) ?? user.FindFirstValue(ClaimTypes.Name),
            user.FindFirstValue(ClaimTypes.Role),
            user.FindFirstValue(ScopeClaims.CityCode),
            user.FindFirstValue(ScopeClaims.WardCode),
            Guid.TryParse(user.FindFirstValue(ScopeClaims.EnterpriseId), out var enterprise) ? enterprise : null);
    }

    /// <summary>Whether something located in this ward of this city is within the caller's reach.</summary>
    public bool Covers(string cityCode, string wardCode) => Role switch
    {
        Roles.Admin => true,
        Roles.Approver or Roles.Checkpoint => CityCode == cityCode,
        Roles.WardOfficer or Roles.AreaPolice or Roles.WardPolice => WardCode == wardCode,
        _ => false,
    };

    /// <summary>Whether the caller may see this enterprise's own data.</summary>
    public bool CoversEnterprise(Guid enterpriseId, string cityCode, string wardCode) =>
        Role == Roles.Enterprise ? EnterpriseId == enterpriseId : Covers(cityCode, wardCode);
}
