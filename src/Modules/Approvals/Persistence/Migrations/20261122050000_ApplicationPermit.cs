using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TravelPermits.Approvals.Persistence.Migrations;

/// <summary>An approved individual application names the permit it yielded.</summary>
[DbContext(typeof(ApprovalsDbContext))]
[Migration("20261122050000_ApplicationPermit")]
internal sealed class ApplicationPermit : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<Guid>("PermitId", "apr_requests", nullable: true);
}
