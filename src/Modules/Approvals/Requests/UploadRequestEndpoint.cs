using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using TravelPermits.SharedKernel.Idempotency;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Approvals.Requests;

/// <summary>
/// <c>POST /api/v1/enterprises/{id}/requests</c>: the filled template as a multipart form, up to
/// 8 MB; 201 with the request and its entries, or 422 <c>invalid_rows</c> with every row error.
/// </summary>
internal sealed class UploadRequestEndpoint(RequestIntake intake) : EndpointWithoutRequest
{
    public const long MaxUploadBytes = 8 * 1024 * 1024;

    public override void Configure()
    {
        Post("enterprises/{id:guid}/requests");
        Group<ApprovalsApi>();
        Roles(SharedKernel.Security.Roles.Enterprise, SharedKernel.Security.Roles.WardOfficer);
        // The form is read by the handler, after the enterprise's scope is checked (UploadForm).
        AllowFileUploads(dontAutoBindFormData: true);
        Options(route => route
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .Idempotent()
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithoutAcceptedMediaTypes()); // UploadForm answers 415, after the enterprise's 404
        Description(route => route
            .WithTags("Requests")
            .WithName("UploadRequest")
            .WithDescription("multipart/form-data: file (the filled template, .xlsx), kind (addition | replacement), note (optional)."));
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var enterprise = await intake.EnterpriseAsync(Route<Guid>("id"), HttpContext.Caller(), ct);
        var form = await UploadForm.ReadAsync(HttpContext.Request, ct);
        var (request, entries) = await intake.SubmitAsync(enterprise, form, ct);
        await Send.ResultAsync(TypedResults.Created($"/api/v1/requests/{request.Id}", RequestResponse.From(request, entries)));
    }
}
