using Microsoft.AspNetCore.Http;

namespace TravelPermits.Web.Security;

/// <summary>
/// Headers on every answer but Swagger UI's pages (which run inline scripts): a Content-Security-Policy
/// that lets scripts, styles, images, workers and fetches come from this origin only (no inline code,
/// no eval), no framing, no MIME sniffing, no referrer (QR tokens are in URLs), camera for this origin only.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; " +
        "form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The admins' Hangfire dashboard (a third-party page with inline scripts and styles),
    /// on their own paths only: inline code allowed, still nothing from another origin and no framing.
    /// </summary>
    public const string DashboardContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static Task Add(HttpContext http, Func<Task> next)
    {
        if (!http.Request.Path.StartsWithSegments("/swagger"))
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = IsDashboard(http.Request.Path) ? DashboardContentSecurityPolicy : ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
        }
        return next();
    }

    private static bool IsDashboard(PathString path) =>
        path.StartsWithSegments(WebInterface.HangfirePath, StringComparison.OrdinalIgnoreCase);
}
