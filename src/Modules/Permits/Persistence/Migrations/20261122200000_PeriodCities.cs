using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TravelPermits.Permits.Persistence.Migrations;

/// <summary>
/// A period belongs to one city (the approver's who created it), or to every city when an admin
/// creates it without one; periods created before this migration belong to every city, as they
/// did in effect.
/// </summary>
[DbContext(typeof(PermitsDbContext))]
[Migration("20261122200000_PeriodCities")]
internal sealed class PeriodCities : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>("CityCode", "prm_periods", maxLength: 8, nullable: true);
}
