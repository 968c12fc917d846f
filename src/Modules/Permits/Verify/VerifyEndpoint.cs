using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Verify;

/// <summary>
/// <c>GET /api/v1/verify/{token}</c>: the checkpoint's question, asked all day (ADR 0010). Anyone
/// may ask, rate limited per address unless signed in; a checkpoint of the permit's city sees the
/// holder's full identity.
/// </summary>
internal sealed class VerifyEndpoint(Verifier verifier, VerificationJson json) : EndpointWithoutRequest<Verification>
{
    /// <summary>The rate-limiting policy of anonymous verification (the Host defines it).</summary>
    public const string AnonymousVerify = "anonymous-verify";

    public override void Configure()
    {
        Get("verify/{token}");
        Group<PermitsApi>();
        AllowAnonymous();
        Options(route => route.RequireRateLimiting(AnonymousVerify));
        Description(route => route.WithTags("Verification").WithName("Verify"));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        // The hot path: the route value as routing left it, with no request object to bind or validate.
        var token = (string)HttpContext.Request.RouteValues["token"]!;
        var verification = await verifier.VerifyAsync(token, HttpContext.Caller(), ct);
        await HttpContext.Response.WriteAsJsonAsync(verification, json.TypeInfo, json.ContentType, ct);
    }
}
