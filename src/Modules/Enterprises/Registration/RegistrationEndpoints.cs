using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using TravelPermits.Enterprises.Browse;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.SharedKernel.Idempotency;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Enterprises.Registration;

/// <summary>
/// <c>POST /api/v1/enterprises</c> (officials, active at once), <c>POST /api/v1/enterprises/registrations</c>
/// (anyone, pending), <c>POST /{id}/activate</c> and <c>POST /{id}/reject</c>.
/// </summary>
internal static class RegistrationEndpoints
{
    public const string AnonymousWrites = "anonymous-writes";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/v1/enterprises", Register)
            .RequireRoles(Roles.WardOfficer, Roles.AreaPolice, Roles.Approver, Roles.Admin)
            .Validate<RegisterEnterpriseRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .Idempotent().WithTags("Enterprises").WithName("RegisterEnterprise");
        routes.MapPost("/api/v1/enterprises/registrations", SelfRegister)
            .AllowAnonymous()
            .RequireRateLimiting(AnonymousWrites)
            .Validate<RegisterEnterpriseRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .Idempotent().WithTags("Enterprises").WithName("SelfRegisterEnterprise");
        routes.MapPost("/api/v1/enterprises/{id:guid}/activate", Activate)
            .RequireRoles(Roles.WardOfficer, Roles.Approver)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags("Enterprises").WithName("ActivateEnterprise");
        routes.MapPost("/api/v1/enterprises/{id:guid}/reject", Reject)
            .RequireRoles(Roles.WardOfficer, Roles.Approver)
            .Validate<RejectRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithTags("Enterprises").WithName("RejectEnterprise");
    }

    private static async Task<Created<EnterpriseResponse>> Register(
        RegisterEnterpriseRequest request, EnterpriseRegistrar registrar, HttpContext http, CancellationToken ct)
    {
        var enterprise = await registrar.RegisterAsync(request, http.Caller(), selfRegistration: false, ct);
        return TypedResults.Created($"/api/v1/enterprises/{enterprise.Id}", EnterpriseResponse.From(enterprise));
    }

    private static async Task<Created<SelfRegistrationResponse>> SelfRegister(
        RegisterEnterpriseRequest request, EnterpriseRegistrar registrar, HttpContext http, CancellationToken ct)
    {
        var enterprise = await registrar.RegisterAsync(request, http.Caller(), selfRegistration: true, ct);
        return TypedResults.Created($"/api/v1/enterprises/{enterprise.Id}", new SelfRegistrationResponse(enterprise.Id, enterprise.Status));
    }

    private static async Task<Ok<EnterpriseResponse>> Activate(
        Guid id, EnterprisesDbContext db, EnterpriseRegistrar registrar, HttpContext http, CancellationToken ct)
    {
        var enterprise = await db.FindInScopeAsync(id, http.Caller(), ct);
        return TypedResults.Ok(EnterpriseResponse.From(await registrar.ActivateAsync(enterprise, ct)));
    }

    private static async Task<Ok<EnterpriseResponse>> Reject(
        Guid id, RejectRequest request, EnterprisesDbContext db, EnterpriseRegistrar registrar, HttpContext http, CancellationToken ct)
    {
        var enterprise = await db.FindInScopeAsync(id, http.Caller(), ct);
        return TypedResults.Ok(EnterpriseResponse.From(await registrar.RejectAsync(enterprise, request.Reason, ct)));
    }
}

/// <summary>What an anonymous registrant learns: the id and that it is pending, nothing more.</summary>
internal sealed record SelfRegistrationResponse(Guid Id, string Status);
