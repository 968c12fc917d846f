using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Policies;

/// <summary>A ward's default ratio (null: the city's) and its approval chain.</summary>
internal sealed record WardPolicyRequest(int? DefaultRatioPercent, ChainSettings? Chain);

internal sealed class WardPolicyRequestValidator : AbstractValidator<WardPolicyRequest>
{
    public WardPolicyRequestValidator()
    {
        RuleFor(r => r.DefaultRatioPercent).InclusiveBetween(0, 100);
        RuleFor(r => r.Chain).NotNull();
    }
}

/// <summary><c>PUT /api/v1/wards/{code}/policy</c>: for the approver of the ward's city and the admin.</summary>
internal sealed class SetWardPolicyEndpoint(WardPolicyService policies) : Endpoint<WardPolicyRequest, WardPolicyResponse>
{
    public override void Configure()
    {
        Put("wards/{code}/policy");
        Group<EnterprisesApi>();
        Roles(SharedKernel.Security.Roles.Approver, SharedKernel.Security.Roles.Admin);
        Description(route => route.WithName("SetWardPolicy").WithTags("Policies"));
    }

    public override async Task HandleAsync(WardPolicyRequest request, CancellationToken ct) =>
        await Send.OkAsync(await policies.SetAsync(Route<string>("code")!, request, HttpContext.Caller(), ct), ct);
}
