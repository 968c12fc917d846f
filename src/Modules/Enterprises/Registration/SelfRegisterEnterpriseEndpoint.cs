using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.SharedKernel.Idempotency;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Registration;

/// <summary>What an anonymous registrant learns: the id and that it is pending, nothing more.</summary>
internal sealed record SelfRegistrationResponse(Guid Id, EnterpriseStatus Status);

/// <summary>
/// <c>POST /api/v1/enterprises/registrations</c>: anyone registers an enterprise, pending until its
/// ward decides; rate limited per address.
/// </summary>
internal sealed class SelfRegisterEnterpriseEndpoint(EnterpriseRegistrar registrar) : Endpoint<RegisterEnterpriseRequest, SelfRegistrationResponse>
{
    /// <summary>The rate-limiting policy the Host defines for anonymous writes.</summary>
    public const string AnonymousWrites = "anonymous-writes";

    public override void Configure()
    {
        Post("enterprises/registrations");
        Group<EnterprisesApi>();
        AllowAnonymous();
        Options(route => route.RequireRateLimiting(AnonymousWrites).Idempotent());
        Description(route => route.WithName("SelfRegisterEnterprise").WithTags("Enterprises")
            .ClearDefaultProduces(StatusCodes.Status200OK).Produces<SelfRegistrationResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(RegisterEnterpriseRequest request, CancellationToken ct)
    {
        var enterprise = await registrar.RegisterAsync(request, HttpContext.Caller(), selfRegistration: true, ct);
        await Send.ResultAsync(TypedResults.Created($"/api/v1/enterprises/{enterprise.Id}", new SelfRegistrationResponse(enterprise.Id, enterprise.Status)));
    }
}
