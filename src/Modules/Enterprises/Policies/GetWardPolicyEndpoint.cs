using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Enterprises.Policies;

/// <summary><c>GET /api/v1/wards/{code}/policy</c>: for anyone signed in.</summary>
internal sealed class GetWardPolicyEndpoint(WardPolicyService policies) : EndpointWithoutRequest<WardPolicyResponse>
{
    public override void Configure()
    {
        Get("wards/{code}/policy");
        Group<EnterprisesApi>();
        Description(route => route.WithName("GetWardPolicy").WithTags("Policies"));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await policies.GetAsync(Route<string>("code")!, ct), ct);
}
