using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Periods;

internal sealed record RolloverRequest(Guid ToPeriodId);

internal sealed class RolloverRequestValidator : AbstractValidator<RolloverRequest>
{
    public RolloverRequestValidator() => RuleFor(r => r.ToPeriodId).NotEmpty();
}

/// <summary>
/// <c>POST /api/v1/periods/{id}/rollover</c> (approver, admin) <c>{ toPeriodId }</c>: every live
/// permit of period <c>id</c> becomes valid in <c>toPeriodId</c>, token and QR unchanged.
/// </summary>
internal sealed class RolloverPeriodEndpoint(PeriodRollovers rollovers) : Endpoint<RolloverRequest, RolloverResult>
{
    public override void Configure()
    {
        Post("periods/{id:guid}/rollover");
        Group<PermitsApi>();
        Roles(SharedKernel.Security.Roles.Approver, SharedKernel.Security.Roles.Admin);
        Options(route => route.ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict));
        Description(route => route.WithTags("Periods").WithName("RolloverPeriod"));
    }

    public override async Task HandleAsync(RolloverRequest request, CancellationToken ct) =>
        await Send.ResultAsync(TypedResults.Ok(
            await rollovers.RolloverAsync(Route<Guid>("id"), request.ToPeriodId, HttpContext.Caller(), ct)));
}
