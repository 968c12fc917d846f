namespace TravelPermits.SharedKernel.Figures;

/// <summary>
/// Where the figures of <c>GET /api/v1/stats</c> are counted: each code given narrows the count
/// (null: any). Built by the stats endpoint from the caller's scope and its filters, so a module
/// asked for its figures counts exactly what it is told.
/// </summary>
public sealed record FigureScope(string? CityCode, string? WardCode, Guid? EnterpriseId);
