using FastEndpoints;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using TravelPermits.Approvals.Chain;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Approvals.Requests;

/// <summary>An approval: every entry unless <c>entryIds</c> names some, and optionally a quota raise in the same step.</summary>
internal sealed record ApproveRequest(IReadOnlyList<Guid>? EntryIds, QuotaRaise? Quota);

internal sealed class ApproveRequestValidator : AbstractValidator<ApproveRequest>
{
    public ApproveRequestValidator()
    {
        RuleFor(r => r.EntryIds).NotEmpty().When(r => r.EntryIds is not null);
        RuleFor(r => r.Quota!.RatioPercent).InclusiveBetween(0, 100).When(r => r.Quota is not null);
        RuleFor(r => r.Quota!.Quota).GreaterThanOrEqualTo(0).When(r => r.Quota is not null);
        RuleFor(r => r.Quota).Must(q => q!.Quota is not null || q.RatioPercent is not null).When(r => r.Quota is not null);
    }
}

/// <summary>
/// The body is optional: a request that has none (as a plain <c>POST</c> without content) approves
/// every entry, as before. A body must be JSON: another media type is a 415 problem.
/// </summary>
internal sealed class ApproveRequestBinder : RequestBinder<ApproveRequest>
{
    public override ValueTask<ApproveRequest> BindAsync(BinderContext ctx, CancellationToken ct)
    {
        var http = ctx.HttpContext;
        if (http.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != true)
        {
            return ValueTask.FromResult(new ApproveRequest(null, null));
        }
        return http.Request.HasJsonContentType()
            ? base.BindAsync(ctx, ct)
            : throw new ProblemException(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", CommonTexts.ForStatus(415));
    }
}

/// <summary><c>POST /api/v1/requests/{id}/approve</c>: approves a request that awaits its decision; the answer lists its entries.</summary>
internal sealed class ApproveRequestEndpoint(RequestDecisions decisions) : Endpoint<ApproveRequest, RequestResponse>
{
    public override void Configure()
    {
        Post("requests/{id:guid}/approve");
        Group<ApprovalsApi>();
        Roles(RequestRoles.Deciders);
        RequestBinder(new ApproveRequestBinder());
        // The binder takes a missing body as "every entry" and refuses other media types itself;
        // "*/*" keeps routing and FastEndpoints from refusing a POST without content first.
        Options(route => route.WithoutAcceptedMediaTypes().Accepts<ApproveRequest>("application/json", "*/*"));
        Description(route => route.WithTags("Requests").WithName("ApproveRequest"));
    }

    public override async Task HandleAsync(ApproveRequest request, CancellationToken ct) =>
        await Send.OkAsync(await decisions.ApproveAsync(Route<Guid>("id"), request.EntryIds, request.Quota, HttpContext.Caller(), ct), ct);
}
