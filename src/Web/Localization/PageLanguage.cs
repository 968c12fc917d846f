using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;

namespace TravelPermits.Web.Localization;

/// <summary>
/// The caller's Accept-Language, heard by the API and the phone page <c>/v/{token}</c> only: the
/// web interface's pages are in Vietnamese unless the user chose English (the culture cookie),
/// whatever language the browser asks for.
/// </summary>
public sealed class ApiAcceptLanguage : AcceptLanguageHeaderRequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        httpContext.Request.Path.StartsWithSegments("/api") || httpContext.Request.Path.StartsWithSegments("/v")
            ? base.DetermineProviderCultureResult(httpContext)
            : Task.FromResult<ProviderCultureResult?>(null);
}
