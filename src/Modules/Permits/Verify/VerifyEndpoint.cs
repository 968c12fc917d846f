using System.Text.Json;
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
        // Written whole with its length: a streamed JSON body goes out chunked, its end in a second write.
        var body = JsonSerializer.SerializeToUtf8Bytes(verification, json.TypeInfo);
        var response = HttpContext.Response;
        response.ContentType = json.ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, ct);
    }
}
