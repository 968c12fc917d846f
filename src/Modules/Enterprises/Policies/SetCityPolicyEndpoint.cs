using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Policies;

/// <summary>
/// The ratio of wards without their own, and the ratios per epidemic level (all four levels, "1" to
/// "4"): absent leaves them as they are, an empty object removes them.
/// </summary>
internal sealed record CityPolicyRequest(int DefaultRatioPercent, Dictionary<string, int>? RatioByLevel);

internal sealed class CityPolicyRequestValidator : AbstractValidator<CityPolicyRequest>
{
    private static readonly string[] Levels = ["1", "2", "3", "4"];

    private static readonly SharedKernel.Localization.LocalizedText AllFourLevels = new(
        "ratioByLevel phải có đủ bốn cấp độ \"1\" đến \"4\", mỗi tỷ lệ từ 0 đến 100.",
        "ratioByLevel must give all four levels \"1\" to \"4\", each ratio from 0 to 100.");

    public CityPolicyRequestValidator()
    {
        RuleFor(r => r.DefaultRatioPercent).InclusiveBetween(0, 100);
        RuleFor(r => r.RatioByLevel)
            .Must(byLevel => byLevel!.Count == 0
                || (byLevel.Count == Levels.Length && Levels.All(byLevel.ContainsKey) && byLevel.Values.All(v => v is >= 0 and <= 100)))
            .When(r => r.RatioByLevel is not null)
            .WithMessage(_ => AllFourLevels.Resolve());
    }
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
