using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Verify;

/// <summary>
/// <c>GET /v/{token}</c>: the page a phone camera opens from the QR code, outside the API (and
/// its description), never cached. The same question as <see cref="VerifyEndpoint"/>, under the same limit.
/// </summary>
internal sealed class VerifyPageEndpoint(Verifier verifier) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Get("/v/{token}");
        AllowAnonymous();
        Options(route => route.RequireRateLimiting(VerifyEndpoint.AnonymousVerify));
        Description(route => route.ExcludeFromDescription());
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var token = (string)HttpContext.Request.RouteValues["token"]!;
        var verification = await verifier.VerifyAsync(token, HttpContext.Caller(), ct);
        HttpContext.Response.Headers.CacheControl = "no-store";
        await Send.ResultAsync(TypedResults.Content(VerificationPage.Html(verification), "text/html; charset=utf-8"));
    }
}
