using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Rewrite;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using TravelPermits.SharedKernel.Settings;
using TravelPermits.Web.Security;

namespace TravelPermits.Web;

/// <summary>
/// The web interface (issue 14): Razor Pages for every role, served by the Host beside the API, whose
/// scripts call <c>/api/v1</c> with the sign-in cookie. Styles and modules are served from
/// <c>/assets/</c>, browser libraries restored from npm from <c>/lib/</c>.
/// </summary>
public static class WebInterface
{
    /// <summary>Where the Host mounts Hangfire's dashboard for admins, under their own CSP (<see cref="SecurityHeaders"/>).</summary>
    public const string HangfirePath = "/admin/hangfire";

    /// <summary>The folder, beside the Host's assemblies, that the build fills with assets/ and lib/.</summary>
    private static string Root => Path.Combine(AppContext.BaseDirectory, "web");

    /// <summary>The checkpoint scanner's service worker (assets/js), which keeps the page for use without a network.</summary>
    private const string ScannerWorker = "checkpoint-sw.js";

    public static IServiceCollection AddWebInterface(this IServiceCollection services)
    {
        services.AddRazorPages(pages =>
        {
            pages.Conventions.AuthorizeFolder("/");
            pages.Conventions.AllowAnonymousToPage("/Index");
            pages.Conventions.AllowAnonymousToPage("/SetPassword");
            pages.Conventions.AllowAnonymousToPage("/Register");
            pages.Conventions.AllowAnonymousToPage("/Language");
            pages.Conventions.AllowAnonymousToPage("/Forbidden");
            pages.Conventions.AllowAnonymousToPage("/SignOut");
        });
        // Vietnamese written as letters, not as character references (names stay readable in the source).
        services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = CookieAntiforgery.HeaderName;
            antiforgery.Cookie.Name = "permits.antiforgery";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddSettings<ProxyOptions>(ProxyOptions.Section, ProxyOptions.Problem);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.Addresses())
            {
                forwarded.KnownProxies.Add(address);
            }
        });
        services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>First in the pipeline: the client's address and scheme from a configured proxy, HSTS over HTTPS, the security headers.</summary>
    public static WebApplication UseWebFront(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.Addresses().Count > 0)
        {
            app.UseForwardedHeaders();
        }
        app.UseHsts(); // only on HTTPS requests, and never for localhost
        app.Use(SecurityHeaders.Add);
        return app;
    }

    /// <summary>Styles, modules and browser libraries, public and cached by the browser (revalidated by ETag).</summary>
    public static WebApplication UseWebAssets(this WebApplication app)
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".webmanifest"] = "application/manifest+json";
        // Pages that name no icon (the Hangfire dashboard's, Swagger UI's) make the browser ask for /favicon.ico: the same icon.
        app.UseRewriter(new RewriteOptions().AddRewrite(@"^favicon\.ico$", "assets/scanner-icon.svg", skipRemainingRules: true));
        foreach (var (path, folder) in new[] { ("/assets", "assets"), ("/lib", "lib") })
        {
            var directory = Path.Combine(Root, folder);
            Directory.CreateDirectory(directory);
            app.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = path,
                FileProvider = new PhysicalFileProvider(directory),
                ContentTypeProvider = types,
                OnPrepareResponse = file =>
                {
                    file.Context.Response.Headers.CacheControl = "no-cache";
                    if (file.File.Name == ScannerWorker)
                    {
                        // The scanner's service worker lives with the modules but serves the page /checkpoint.
                        file.Context.Response.Headers["Service-Worker-Allowed"] = "/checkpoint";
                    }
                },
            });
        }
        return app;
    }

    /// <summary>After authentication: API writes signed in by the cookie need the anti-forgery header.</summary>
    public static WebApplication UseCookieAntiforgery(this WebApplication app)
    {
        app.Use(CookieAntiforgery.Check);
        return app;
    }

    public static WebApplication MapWebInterface(this WebApplication app)
    {
        app.MapRazorPages();
        return app;
    }
}
