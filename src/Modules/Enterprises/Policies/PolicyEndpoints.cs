using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.Geography.Contracts;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Enterprises.Policies;

internal sealed record ChainSettings(bool PoliceVerify, bool PoliceStamp);

/// <summary>A ward's default ratio (null: the city's) and its approval chain.</summary>
internal sealed record WardPolicyRequest(int? DefaultRatioPercent, ChainSettings? Chain);

internal sealed record WardPolicyResponse(string WardCode, string CityCode, int? DefaultRatioPercent, int EffectiveRatioPercent, ChainSettings Chain);

internal sealed record CityPolicyRequest(int DefaultRatioPercent);

internal sealed record CityPolicyResponse(string CityCode, int DefaultRatioPercent);

internal sealed class WardPolicyRequestValidator : AbstractValidator<WardPolicyRequest>
{
    public WardPolicyRequestValidator()
    {
        RuleFor(r => r.DefaultRatioPercent).InclusiveBetween(0, 100);
        RuleFor(r => r.Chain).NotNull();
    }
}

internal sealed class CityPolicyRequestValidator : AbstractValidator<CityPolicyRequest>
{
    public CityPolicyRequestValidator() => RuleFor(r => r.DefaultRatioPercent).InclusiveBetween(0, 100);
}

/// <summary>
/// <c>PUT|GET /api/v1/wards/{code}/policy</c> and <c>PUT|GET /api/v1/cities/{code}/policy</c>. Setting
/// them is for the approver of the city and the admin; reading, for anyone signed in.
/// </summary>
internal static class PolicyEndpoints
{
    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPut("/api/v1/wards/{code}/policy", PutWard).RequireRoles(Roles.Approver, Roles.Admin)
            .Validate<WardPolicyRequest>().WithTags("Policies").WithName("SetWardPolicy");
        routes.MapGet("/api/v1/wards/{code}/policy", GetWard).RequireAuthorization().WithTags("Policies").WithName("GetWardPolicy");
        routes.MapPut("/api/v1/cities/{code}/policy", PutCity).RequireRoles(Roles.Approver, Roles.Admin)
            .Validate<CityPolicyRequest>().WithTags("Policies").WithName("SetCityPolicy");
        routes.MapGet("/api/v1/cities/{code}/policy", GetCity).RequireAuthorization().WithTags("Policies").WithName("GetCityPolicy");
    }

    private static async Task<Ok<WardPolicyResponse>> PutWard(
        string code, WardPolicyRequest request, EnterprisesDbContext db, IGeographyDirectory geography, PolicyDefaults defaults,
        TimeProvider time, ActorAccessor actor, HttpContext http, CancellationToken ct)
    {
        var ward = await geography.FindWardAsync(code, ct);
        if (ward is null || !http.Caller().Covers(ward.CityCode, ward.Code))
        {
            throw ProblemException.NotFound(EnterpriseTexts.Ward);
        }
        var now = time.GetUtcNow();
        var policy = await db.WardPolicies.FirstOrDefaultAsync(p => p.WardCode == code, ct);
        if (policy is null)
        {
            policy = new WardPolicy { WardCode = ward.Code, CityCode = ward.CityCode };
            db.WardPolicies.Add(policy);
        }
        policy.DefaultRatioPercent = request.DefaultRatioPercent;
        policy.PoliceVerify = request.Chain!.PoliceVerify;
        policy.PoliceStamp = request.Chain.PoliceStamp;
        policy.UpdatedAt = now;
        db.Audit(actor.Current, "ward_policy.updated", "ward", ward.Code, now, request, ward.CityCode, ward.Code);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(await WardResponseAsync(ward, db, defaults, ct));
    }

    private static async Task<Ok<WardPolicyResponse>> GetWard(
        string code, EnterprisesDbContext db, IGeographyDirectory geography, PolicyDefaults defaults, CancellationToken ct)
    {
        var ward = await geography.FindWardAsync(code, ct) ?? throw ProblemException.NotFound(EnterpriseTexts.Ward);
        return TypedResults.Ok(await WardResponseAsync(ward, db, defaults, ct));
    }

    private static async Task<Ok<CityPolicyResponse>> PutCity(
        string code, CityPolicyRequest request, EnterprisesDbContext db, IGeographyDirectory geography,
        TimeProvider time, ActorAccessor actor, HttpContext http, CancellationToken ct)
    {
        var city = await geography.FindCityAsync(code, ct);
        var caller = http.Caller();
        if (city is null || !(caller.IsAdmin || caller.CityCode == city.Code))
        {
            throw ProblemException.NotFound(EnterpriseTexts.City);
        }
        var now = time.GetUtcNow();
        var policy = await db.CityPolicies.FirstOrDefaultAsync(p => p.CityCode == code, ct);
        if (policy is null)
        {
            policy = new CityPolicy { CityCode = city.Code };
            db.CityPolicies.Add(policy);
        }
        policy.DefaultRatioPercent = request.DefaultRatioPercent;
        policy.UpdatedAt = now;
        db.Audit(actor.Current, "city_policy.updated", "city", city.Code, now, request, city.Code);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CityPolicyResponse(city.Code, policy.DefaultRatioPercent));
    }

    private static async Task<Ok<CityPolicyResponse>> GetCity(
        string code, IGeographyDirectory geography, PolicyDefaults defaults, CancellationToken ct)
    {
        var city = await geography.FindCityAsync(code, ct) ?? throw ProblemException.NotFound(EnterpriseTexts.City);
        return TypedResults.Ok(new CityPolicyResponse(city.Code, await defaults.CityRatioPercentAsync(city.Code, ct)));
    }

    private static async Task<WardPolicyResponse> WardResponseAsync(WardInfo ward, EnterprisesDbContext db, PolicyDefaults defaults, CancellationToken ct)
    {
        var policy = await db.WardPolicies.AsNoTracking().FirstOrDefaultAsync(p => p.WardCode == ward.Code, ct);
        return new WardPolicyResponse(ward.Code, ward.CityCode, policy?.DefaultRatioPercent,
            await defaults.RatioPercentAsync(ward.CityCode, ward.Code, ct),
            new ChainSettings(policy?.PoliceVerify ?? false, policy?.PoliceStamp ?? false));
    }
}
