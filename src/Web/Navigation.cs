using System.Security.Claims;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Web;

/// <summary>Which screens each role has, and where it lands after signing in.</summary>
internal static class Navigation
{
    public sealed record Link(string Path, LocalizedText Text);

    public static string Home(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) switch
    {
        Roles.Enterprise => "/enterprise",
        Roles.WardPolice => "/stamps",
        Roles.Admin => "/admin/users",
        Roles.Checkpoint => "/checkpoint",
        _ => "/inbox",
    };

    public static IReadOnlyList<Link> For(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) switch
    {
        Roles.Enterprise =>
        [
            new("/enterprise", WebTexts.Nav.Home),
            new("/enterprise/requests", WebTexts.Nav.Requests),
            new("/enterprise/permits", WebTexts.Nav.Permits),
        ],
        Roles.Approver =>
        [
            new("/inbox", WebTexts.Nav.Inbox),
            new("/applications", WebTexts.Nav.Applications),
            new("/enterprises", WebTexts.Nav.Enterprises),
            new("/levels", WebTexts.Nav.Levels),
            new("/policies", WebTexts.Nav.Policies),
            new("/stats", WebTexts.Nav.Stats),
            new("/audit", WebTexts.Nav.Audit),
        ],
        Roles.WardOfficer or Roles.AreaPolice =>
        [
            new("/inbox", WebTexts.Nav.Inbox),
            new("/applications", WebTexts.Nav.Applications),
            new("/enterprises", WebTexts.Nav.Enterprises),
            new("/stats", WebTexts.Nav.Stats),
        ],
        Roles.WardPolice => [new("/stamps", WebTexts.Nav.Stamps), new("/stats", WebTexts.Nav.Stats)],
        Roles.Admin =>
        [
            new("/admin/users", WebTexts.Nav.Users),
            new("/admin/geography", WebTexts.Nav.Geography),
            new("/admin/keys", WebTexts.Nav.Keys),
            new("/admin/outbox", WebTexts.Nav.Outbox),
            new("/admin/cluster", WebTexts.Nav.Cluster),
            new("/admin/hangfire", WebTexts.Nav.Hangfire),
            new("/levels", WebTexts.Nav.Levels),
            new("/policies", WebTexts.Nav.Policies),
            new("/stats", WebTexts.Nav.Stats),
            new("/audit", WebTexts.Nav.Audit),
        ],
        Roles.Checkpoint => [new("/checkpoint", WebTexts.Nav.Checkpoint)],
        _ => [],
    };

    public static LocalizedText RoleName(string? role) => role switch
    {
        Roles.Admin => new("Quản trị", "Administrator"),
        Roles.Approver => new("Cơ quan phê duyệt", "Approver"),
        Roles.WardOfficer => new("Cán bộ phường", "Ward officer"),
        Roles.AreaPolice => new("Công an khu vực", "Area police"),
        Roles.WardPolice => new("Công an phường", "Ward police"),
        Roles.Enterprise => new("Doanh nghiệp", "Enterprise"),
        Roles.Checkpoint => new("Chốt kiểm soát", "Checkpoint"),
        _ => new("", ""),
    };

    /// <summary>A return address from a query string, kept only when it is a path of this site.</summary>
    public static string? LocalOnly(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : null;
}
