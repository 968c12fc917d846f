using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Permits.Tokens;

internal sealed record RotatedKey(string Kid);

/// <summary><c>POST /api/v1/admin/keys/rotate</c> (admin): a new signing key; the new key's id in the answer.</summary>
internal sealed class RotateSigningKeyEndpoint(KeyRotation rotation) : EndpointWithoutRequest<RotatedKey>
{
    public override void Configure()
    {
        Post("admin/keys/rotate");
        Group<PermitsApi>();
        Roles(SharedKernel.Security.Roles.Admin);
        Description(route => route.WithTags("Administration").WithName("RotateSigningKey"));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.ResultAsync(TypedResults.Ok(new RotatedKey(await rotation.RotateAsync(ct))));
}
