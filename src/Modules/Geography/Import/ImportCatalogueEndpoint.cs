using FastEndpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using TravelPermits.Geography.Contracts;
using TravelPermits.SharedKernel.Security;
using Microsoft.AspNetCore.Http;

namespace TravelPermits.Geography.Import;

/// <summary><c>POST /api/v1/admin/geo/import</c>: the GSO catalogue JSON, up to 16 MB.</summary>
internal sealed class ImportCatalogueEndpoint(IGeographyImport importer) : Endpoint<Catalogue, ImportResult>
{
    public const long MaxBytes = 16 * 1024 * 1024;

    public override void Configure()
    {
        Post("admin/geo/import");
        Group<GeographyApi>();
        Roles(SharedKernel.Security.Roles.Admin);
        Options(route => route.WithMetadata(new RequestSizeLimitAttribute(MaxBytes)));
        Description(route => route.WithTags("Administration").WithName("ImportGeography"));
    }

    public override async Task HandleAsync(Catalogue catalogue, CancellationToken ct) =>
        await Send.OkAsync(await importer.ImportAsync(catalogue, ct), ct);
}
