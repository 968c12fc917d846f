using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;

namespace TravelPermits.Web.Security;

/// <summary>
/// An API call that changes something and is signed in by the web cookie (no Authorization header)
/// must carry the anti-forgery token in <see cref="HeaderName"/>, as the pages' scripts send it:
/// a page of another site cannot read the token, so it cannot make the browser act for the user.
/// Calls with a bearer token are unchanged. Forms of the pages are checked by Razor Pages itself.
/// </summary>
internal static class CookieAntiforgery
{
    public const string HeaderName = "X-CSRF-TOKEN";

    private static readonly LocalizedText Refused = new(
        "Phiên làm việc đã hết hạn hoặc yêu cầu không đến từ trang của hệ thống; hãy tải lại trang.",
        "The session has expired or the request did not come from the system's pages; reload the page.");

    public static async Task Check(HttpContext http, Func<Task> next)
    {
        if (NeedsToken(http))
        {
            var antiforgery = http.RequestServices.GetService(typeof(IAntiforgery)) as IAntiforgery
                ?? throw new InvalidOperationException("Anti-forgery is not registered.");
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                await http.WriteProblemAsync(StatusCodes.Status400BadRequest, "antiforgery_failed", Refused);
                return;
            }
        }
        await next();
    }

    private static bool NeedsToken(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method))
        && http.Request.Headers.Authorization.Count == 0
        && http.User.Identity?.IsAuthenticated == true;
}
