using TravelPermits.Enterprises.Contracts;
using TravelPermits.Geography.Contracts;
using TravelPermits.SharedKernel.Figures;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Permits.Figures;

/// <summary>
/// What a caller's figures count: their reach (an admin everything, an approver their city, a ward's
/// officer or police their ward, an enterprise itself) narrowed by the filters. A filter naming a
/// city, ward or enterprise that does not exist, lies outside that reach, or outside another filter
/// given, is a 404, as for any resource outside the caller's scope.
/// </summary>
internal sealed class StatsScopes(IGeographyDirectory geography, IEnterpriseDirectory enterprises)
{
    private static readonly LocalizedText City = new("tỉnh/thành phố", "city");
    private static readonly LocalizedText Ward = new("phường/xã", "ward");

    public async Task<FigureScope> ResolveAsync(CallerScope caller, string? cityCode, string? wardCode, Guid? enterpriseId, CancellationToken ct)
    {
        if (cityCode is not null
            && (!(caller.IsAdmin || caller.CityCode == cityCode) || await geography.FindCityAsync(cityCode, ct) is null))
        {
            throw ProblemException.NotFound(City);
        }
        if (wardCode is not null)
        {
            var ward = await geography.FindWardAsync(wardCode, ct);
            if (ward is null || (cityCode is not null && ward.CityCode != cityCode) || !Reaches(caller, ward.CityCode, ward.Code))
            {
                throw ProblemException.NotFound(Ward);
            }
            cityCode = ward.CityCode;
        }
        if (enterpriseId is { } id)
        {
            var enterprise = await enterprises.FindAsync(id, ct);
            if (enterprise is null || !caller.CoversEnterprise(id, enterprise.CityCode, enterprise.WardCode)
                || (cityCode is not null && enterprise.CityCode != cityCode) || (wardCode is not null && enterprise.WardCode != wardCode))
            {
                throw ProblemException.NotFound(PermitTexts.Enterprise);
            }
        }
        return caller.Role switch
        {
            Roles.Admin => new FigureScope(cityCode, wardCode, enterpriseId),
            Roles.Approver => new FigureScope(caller.CityCode, wardCode, enterpriseId),
            Roles.Enterprise => new FigureScope(caller.CityCode, caller.WardCode, caller.EnterpriseId),
            _ => new FigureScope(caller.CityCode, caller.WardCode, enterpriseId),
        };
    }

    /// <summary>Whether the caller's reach includes this ward: an enterprise's is its own ward only as far as its own figures go.</summary>
    private static bool Reaches(CallerScope caller, string cityCode, string wardCode) =>
        caller.Role == Roles.Enterprise ? caller.WardCode == wardCode : caller.Covers(cityCode, wardCode);
}
