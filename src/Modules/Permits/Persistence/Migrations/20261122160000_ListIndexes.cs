using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TravelPermits.Permits.Persistence.Migrations;

/// <summary>
/// An enterprise's permit list is paged in id order, with or without a status: indexes that end
/// in the id let its first page read 51 rows instead of sorting the enterprise's every permit
/// (hundreds of milliseconds for an enterprise holding 900,000; see docs/benchmarks.md).
/// </summary>
[DbContext(typeof(PermitsDbContext))]
[Migration("20261122160000_ListIndexes")]
internal sealed class ListIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex("ix_prm_permits_enterprise", "prm_permits");
        migrationBuilder.CreateIndex("ix_prm_permits_enterprise", "prm_permits", ["EnterpriseId", "Status", "Id"]);
        migrationBuilder.CreateIndex("ix_prm_permits_enterprise_list", "prm_permits", ["EnterpriseId", "Id"]);
    }
}
