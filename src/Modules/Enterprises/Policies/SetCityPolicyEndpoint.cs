using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Policies;

internal sealed record CityPolicyRequest(int DefaultRatioPercent);

internal sealed class CityPolicyRequestValidator : AbstractValidator<CityPolicyRequest>
{
    public CityPolicyRequestValidator() => RuleFor(r => r.DefaultRatioPercent).InclusiveBetween(0, 100);
}

/// <summary><c>PUT /api/v1/cities/{code}/policy</c>: for the approver of the city and the admin.</summary>
internal sealed class SetCityPolicyEndpoint(CityPolicyService policies) : Endpoint<CityPolicyRequest, CityPolicyResponse>
{
    public override void Configure()
    {
        Put("cities/{code}/policy");
        Group<EnterprisesApi>();
        Roles(SharedKernel.Security.Roles.Approver, SharedKernel.Security.Roles.Admin);
        Description(route => route.WithName("SetCityPolicy").WithTags("Policies"));
    }

    public override async Task HandleAsync(CityPolicyRequest request, CancellationToken ct) =>
        await Send.OkAsync(await policies.SetAsync(Route<string>("code")!, request, HttpContext.Caller(), ct), ct);
}
