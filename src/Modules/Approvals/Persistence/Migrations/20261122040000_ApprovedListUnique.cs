using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TravelPermits.Approvals.Persistence.Migrations;

/// <summary>A person appears at most once on an enterprise's current approved list.</summary>
[DbContext(typeof(ApprovalsDbContext))]
[Migration("20261122040000_ApprovedListUnique")]
internal sealed class ApprovedListUnique : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateIndex("ux_apr_approved_active_person", "apr_approved", ["EnterpriseId", "IdNumber"], unique: true,
            filter: "\"Active\" AND \"EnterpriseId\" IS NOT NULL");
}
