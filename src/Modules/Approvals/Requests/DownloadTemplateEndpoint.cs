using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TravelPermits.Approvals.Template;

namespace TravelPermits.Approvals.Requests;

/// <summary><c>GET /api/v1/requests/template.xlsx</c>: the empty template, for anyone (enterprises fill it before they sign in).</summary>
internal sealed class DownloadTemplateEndpoint : EndpointWithoutRequest
{
    private static readonly byte[] Template = TemplateBuilder.Build();

    public override void Configure()
    {
        Get("requests/template.xlsx");
        Group<ApprovalsApi>();
        AllowAnonymous();
        Description(route => route.WithTags("Requests").WithName("DownloadTemplate"));
    }

    public override Task HandleAsync(CancellationToken ct) =>
        Send.ResultAsync(TypedResults.File(Template, TemplateLayout.ContentType, TemplateLayout.FileName));
}
