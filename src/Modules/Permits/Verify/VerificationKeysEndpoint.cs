using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.Permits.Tokens;

namespace TravelPermits.Permits.Verify;

/// <summary>A public key as a JWK, with when it was made and, once a newer key signs, when it was retired.</summary>
internal sealed record Jwk(
    string Kty, string Crv, string X, string Y, string Kid, string Alg, string Use, bool Retired, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt);

internal sealed record Jwks(IReadOnlyList<Jwk> Keys);

/// <summary><c>GET /api/v1/verify/keys</c>: the public signing keys, current and retired, as a JWKS for offline verifiers.</summary>
internal sealed class VerificationKeysEndpoint(KeyRing keys) : EndpointWithoutRequest<Jwks>
{
    public override void Configure()
    {
        Get("verify/keys");
        Group<PermitsApi>();
        AllowAnonymous();
        Description(route => route.WithTags("Verification").WithName("VerificationKeys"));
    }

    public override Task HandleAsync(CancellationToken ct) =>
        Send.ResultAsync(TypedResults.Ok(new Jwks(
            keys.Keys.Select(k => new Jwk("EC", "P-256", k.X, k.Y, k.Kid, "ES256", "sig", k.Retired, k.CreatedAt, k.RetiredAt)).ToList())));
}
