using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.Enterprises.Browse;
using TravelPermits.SharedKernel.Idempotency;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Registration;

/// <summary><c>POST /api/v1/enterprises</c>: an official registers an enterprise of their area, active at once.</summary>
internal sealed class RegisterEnterpriseEndpoint(EnterpriseRegistrar registrar) : Endpoint<RegisterEnterpriseRequest, EnterpriseResponse>
{
    public override void Configure()
    {
        Post("enterprises");
        Group<EnterprisesApi>();
        Roles(SharedKernel.Security.Roles.WardOfficer, SharedKernel.Security.Roles.AreaPolice,
            SharedKernel.Security.Roles.Approver, SharedKernel.Security.Roles.Admin);
        Options(route => route.Idempotent());
        Description(route => route.WithName("RegisterEnterprise").WithTags("Enterprises")
            .ClearDefaultProduces(StatusCodes.Status200OK).Produces<EnterpriseResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict));
    }

    public override async Task HandleAsync(RegisterEnterpriseRequest request, CancellationToken ct)
    {
        var enterprise = await registrar.RegisterAsync(request, HttpContext.Caller(), selfRegistration: false, ct);
        await Send.ResultAsync(TypedResults.Created($"/api/v1/enterprises/{enterprise.Id}", EnterpriseResponse.From(enterprise)));
    }
}
