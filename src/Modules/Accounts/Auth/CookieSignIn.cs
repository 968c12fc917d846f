using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Accounts.Contracts;

namespace TravelPermits.Accounts.Auth;

/// <summary>The web interface's cookie: <see cref="PasswordSignIn"/> with the cookie scheme.</summary>
internal sealed class CookieSignIn(PasswordSignIn signIn, IHttpContextAccessor http) : IWebSignIn
{
    public Task SignInAsync(string email, string password, IPAddress? from, CancellationToken cancellationToken) =>
        signIn.SignInAsync(AccountsModule.CookieScheme, email, password, from, cancellationToken);

    public Task SignOutAsync() =>
        (http.HttpContext ?? throw new InvalidOperationException("Signing out needs a request.")).SignOutAsync(AccountsModule.CookieScheme);
}

internal static class WebCookie
{
    /// <summary>A working day, renewed while the user is active.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(8);

    /// <summary>
    /// HttpOnly, SameSite=Lax (a link from an email opens the signed-in page; every write needs the
    /// anti-forgery token besides), Secure whenever the request came over HTTPS. An API call without
    /// the cookie is answered 401 and one outside the role 403, as with a bearer token; a page
    /// sends the browser to the sign-in page (<c>/</c>) or to <c>/forbidden</c>.
    /// </summary>
    public static AuthenticationBuilder AddWebCookie(this AuthenticationBuilder builder) =>
        builder.AddCookie(AccountsModule.CookieScheme, cookie =>
        {
            cookie.Cookie.Name = "permits.session";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = Lifetime;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/";
            cookie.LogoutPath = "/sign-out";
            cookie.AccessDeniedPath = "/forbidden";
            cookie.ReturnUrlParameter = "returnUrl";
            cookie.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
        });

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = apiStatus;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
