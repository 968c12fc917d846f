using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;
using TravelPermits.SharedKernel.Security;
using TravelPermits.Web;

namespace TravelPermits.Host;

/// <summary>
/// Hangfire's own dashboard, for admins only (issue 14), under <c>/admin/hangfire</c>. Signing in is the web interface's: ASP.NET's authorization asks for the
/// admin role (anyone else is sent to sign in, or gets the forbidden page), and Hangfire's own filter,
/// which otherwise lets local requests only, asks it again. Its pages run inline scripts and styles,
/// so they have their own Content-Security-Policy, on its path only (<c>SecurityHeaders</c>).
/// </summary>
internal static class AdminDashboards
{
    private static readonly AuthorizeAttribute AdminOnly = new() { Roles = Roles.Admin };

    public static WebApplication MapAdminDashboards(this WebApplication app)
    {
        app.MapHangfireDashboard(WebInterface.HangfirePath, new Hangfire.DashboardOptions
        {
            Authorization = [new AdminFilter()],
            AppPath = "/admin/users",
            DashboardTitle = "Hangfire · Travel permits",
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(AdminOnly);
        return app;
    }

    /// <summary>Hangfire's check, run after ASP.NET's: the signed-in user is an admin.</summary>
    private sealed class AdminFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
    }
}
