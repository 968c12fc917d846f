using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Enterprises.Levels;

/// <summary>A ward's epidemic level (1 low to 4 very high), whether it is locked down, why, and from when (null: now).</summary>
internal sealed record SetWardLevelRequest(int? Level, bool? Lockdown, string? Reason, DateTimeOffset? EffectiveAt);

internal sealed class SetWardLevelRequestValidator : AbstractValidator<SetWardLevelRequest>
{
    public SetWardLevelRequestValidator()
    {
        RuleFor(r => r.Level).NotNull().InclusiveBetween(1, 4);
        RuleFor(r => r.Lockdown).NotNull();
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500);
    }
}

/// <summary><c>PUT /api/v1/wards/{code}/level</c>: for the approver of the ward's city and the admin.</summary>
internal sealed class SetWardLevelEndpoint(WardLevelService levels) : Endpoint<SetWardLevelRequest, WardLevelResponse>
{
    public override void Configure()
    {
        Put("wards/{code}/level");
        Group<EnterprisesApi>();
        Roles(SharedKernel.Security.Roles.Approver, SharedKernel.Security.Roles.Admin);
        Description(route => route.WithName("SetWardLevel").WithTags("Policies"));
    }

    public override async Task HandleAsync(SetWardLevelRequest request, CancellationToken ct) =>
        await Send.OkAsync(await levels.SetAsync(Route<string>("code")!, request, HttpContext.Caller(), ct), ct);
}
