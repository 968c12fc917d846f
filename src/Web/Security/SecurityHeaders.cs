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

    public static Task Add(HttpContext http, Func<Task> next)
    {
        if (!http.Request.Path.StartsWithSegments("/swagger"))
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(self), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
        }
        return next();
    }
}
