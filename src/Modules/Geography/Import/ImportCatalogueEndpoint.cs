using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using TravelPermits.Geography.Contracts;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Validation;

namespace TravelPermits.Geography.Import;

/// <summary><c>POST /api/v1/admin/geo/import</c>: the GSO catalogue JSON, up to 16 MB.</summary>
internal static class ImportCatalogueEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/v1/admin/geo/import", Handle)
            .RequireRoles(Roles.Admin)
            .Validate<Catalogue>()
            .WithMetadata(new RequestSizeLimitAttribute(16 * 1024 * 1024))
            .WithTags("Administration")
            .WithName("ImportGeography");

    private static async Task<Ok<ImportResult>> Handle(Catalogue catalogue, IGeographyImport importer, CancellationToken ct) =>
        TypedResults.Ok(await importer.ImportAsync(catalogue, ct));
}
