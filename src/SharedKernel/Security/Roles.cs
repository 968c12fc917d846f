namespace TravelPermits.SharedKernel.Security;

/// <summary>The roles of the contract; each user has exactly one.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Approver = "approver";
    public const string WardOfficer = "ward-officer";
    public const string AreaPolice = "area-police";
    public const string WardPolice = "ward-police";
    public const string Enterprise = "enterprise";
    public const string Checkpoint = "checkpoint";

    public static readonly IReadOnlyList<string> All =
        [Admin, Approver, WardOfficer, AreaPolice, WardPolice, Enterprise, Checkpoint];

    /// <summary>Roles whose scope is one ward.</summary>
    public static readonly IReadOnlyList<string> WardScoped = [WardOfficer, AreaPolice, WardPolice];

    /// <summary>Roles whose scope is one city.</summary>
    public static readonly IReadOnlyList<string> CityScoped = [Approver, Checkpoint];
}

/// <summary>Claim types that carry a user's scope inside the bearer token.</summary>
public static class ScopeClaims
{
    public const string CityCode = "permits:city";
    public const string WardCode = "permits:ward";
    public const string EnterpriseId = "permits:enterprise";
}
