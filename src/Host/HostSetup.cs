using Microsoft.AspNetCore.RateLimiting;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using System.Threading.RateLimiting;
using TravelPermits.Accounts;
using TravelPermits.Enterprises;
using TravelPermits.Permits;
using TravelPermits.Host.Demo;
using FastEndpoints.Swagger;
using TravelPermits.SharedKernel.Idempotency;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Scheduling;
using TravelPermits.SharedKernel.Settings;
using TravelPermits.Web;
using Microsoft.Extensions.Options;

namespace TravelPermits.Host;

/// <summary>The composition root's wiring that is not a module's: pipeline, OpenAPI, health, start-up.</summary>
internal static partial class HostSetup
{
    /// <summary>JSON bodies are small; endpoints that take files or catalogues raise it for themselves.</summary>
    public const long DefaultBodyLimit = 1024 * 1024;

    public static string[] ReadDemoSwitch(string[] args, out bool demo)
    {
        demo = args.Contains("--demo", StringComparer.OrdinalIgnoreCase);
        return args.Where(a => !string.Equals(a, "--demo", StringComparison.OrdinalIgnoreCase)).ToArray();
    }

    public static IServiceCollection AddHostServices(this IServiceCollection services)
    {
        services.SwaggerDocument(document =>
        {
            document.DocumentSettings = settings =>
            {
                settings.DocumentName = "v1";
                settings.Title = "Travel permits API";
                settings.Version = "v1";
                settings.AddAuth("Bearer", new NSwag.OpenApiSecurityScheme
                {
                    Type = NSwag.OpenApiSecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The accessToken from POST /api/v1/auth/login.",
                });
            };
            document.AutoTagPathSegmentIndex = 0; // each endpoint names its tag
            // The access token of POST /api/v1/auth/login is an opaque bearer token, not a JWT.
            document.EnableJWTBearerAuth = false;
            document.ShortSchemaNames = true;
            document.ExcludeNonFastEndpoints = true;
        });
        services.AddRequestLocalization(options =>
        {
            CultureInfo[] cultures = [Cultures.Vietnamese, Cultures.English];
            options.DefaultRequestCulture = new RequestCulture(Cultures.Vietnamese);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // The web interface's choice (a cookie) first, then the caller's Accept-Language (API only).
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new TravelPermits.Web.Localization.ApiAcceptLanguage()];
        });
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            json.SerializerOptions.Converters.Add(new VietnamTimeJsonConverter());
        });
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddSettings<RateLimitOptions>(RateLimitOptions.Section);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, settings) =>
        {
            var limits = settings.Value;
            limiter.AddPolicy(EnterprisesModule.AnonymousWritesPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.AnonymousWritesPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.AddPolicy(PermitsModule.AnonymousVerifyPolicy, http => http.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("signed-in") // checkpoints scan all day
                : RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.AnonymousVerifyPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.AddConcurrencyLimiter(PermitsModule.PrintPolicy, options =>
            {
                options.PermitLimit = limits.ConcurrentPrints;
                options.QueueLimit = 8;
            });
            limiter.OnRejected = (context, _) =>
                context.HttpContext.WriteProblemAsync(StatusCodes.Status429TooManyRequests, "rate_limited", CommonTexts.ForStatus(429));
        });
        services.AddScoped<DemoSeeder>();
        services.AddSettings<DemoOptions>(DemoOptions.Section);
        services.AddSettings<BenchOptions>(BenchOptions.Section);
        return services;
    }

    public static WebApplication UseHostPipeline(this WebApplication app)
    {
        app.UseWebFront(); // a configured proxy's forwarded headers, HSTS, security headers
        // Localization first, so that errors written by the exception handler and the status code
        // pages are in the caller's language too.
        app.UseRequestLocalization();
        app.UseProblemAnswers();
        app.UseWebAssets();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseCookieAntiforgery();
        app.UseRateLimiter();
        app.UseIdempotentRequests();
        return app;
    }

    /// <summary>
    /// The OpenAPI document and the static pages of Swagger UI, both public. After the endpoints are
    /// configured: NSwag reads FastEndpoints' settings (camelCase names) when it is set up.
    /// </summary>
    public static WebApplication UseApiDocumentation(this WebApplication app)
    {
        app.UseOpenApi(document => document.Path = "/openapi/{documentName}.json");
        app.UseSwaggerUi(ui =>
        {
            ui.Path = "/swagger";
            ui.DocumentPath = "/openapi/{documentName}.json";
        });
        return app;
    }

    public static WebApplication MapOperationsEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }

    /// <summary>Migrates the database (and Hangfire's schema on PostgreSQL), creates the first admin, loads the demo when asked, and says how to sign in.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        // Settings are checked before the database is touched, not only when the Host starts listening.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        var keyEncryption = app.Services.GetRequiredService<KeyEncryptionCertificate>();
        if (keyEncryption.Created)
        {
            LogKeyEncryptionCreated(app.Logger, keyEncryption.Path);
        }
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        string? admin;
        // Hosts started together on one database take turns: the later ones find it all done.
        await using (await StartupLock.AcquireAsync(database, CancellationToken.None))
        {
            await app.Services.MigrateAsync();
            await app.Services.PrepareJobStorageAsync(CancellationToken.None);
            await app.Services.InitializePermitsAsync(CancellationToken.None);
            await using var scope = app.Services.CreateAsyncScope();
            admin = await AccountsModule.EnsureBootstrapAdminAsync(scope.ServiceProvider, CancellationToken.None);
            if (scope.ServiceProvider.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
            {
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
            }
        }
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = string.Join(", ", app.Urls);
            LogStarted(app.Logger, addresses, database.Provider.ToString(), admin ?? "an existing admin");
        });
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Travel permits is listening on {Addresses} ({Provider}). Open it in a browser to sign in as {Admin}; API documentation at /swagger.")]
    private static partial void LogStarted(ILogger logger, string addresses, string provider, string admin);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Created the certificate that encrypts the key ring, {Path}. Back it up apart from the database and give every Host of this database the same file (Permits:DataProtection:CertificatePath): without it the signing keys cannot be read.")]
    private static partial void LogKeyEncryptionCreated(ILogger logger, string path);
}
