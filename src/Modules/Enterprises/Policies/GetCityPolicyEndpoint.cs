using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Enterprises.Policies;

/// <summary><c>GET /api/v1/cities/{code}/policy</c>: for anyone signed in.</summary>
internal sealed class GetCityPolicyEndpoint(CityPolicyService policies) : EndpointWithoutRequest<CityPolicyResponse>
{
    public override void Configure()
    {
        Get("cities/{code}/policy");
        Group<EnterprisesApi>();
        Description(route => route.WithName("GetCityPolicy").WithTags("Policies"));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await policies.GetAsync(Route<string>("code")!, ct), ct);
}
