using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TravelPermits.Web.Pages;

/// <summary>
/// <c>POST /language</c>: keeps the chosen language (vi or en) in the culture cookie for a year; the
/// Host's request localization reads it for pages and API answers alike, before Accept-Language.
/// </summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public IActionResult OnPost(string? lang, string? returnUrl)
    {
        var culture = lang == "en" ? "en" : "vi";
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, Secure = Request.IsHttps, IsEssential = true });
        return Redirect(Navigation.LocalOnly(returnUrl) ?? "/");
    }
}
