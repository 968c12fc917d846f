using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Approvals.Persistence.Migrations;

/// <summary>What an approval leaves for another module to do: a quota change, an individual's permit (docs/adr/0017).</summary>
[DbContext(typeof(ApprovalsDbContext))]
[Migration("20261204000000_FollowUps")]
internal sealed class FollowUps : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.CreateTable(
            name: "apr_follow_ups",
            columns: table => new
            {
                RequestId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                EnterpriseId = table.Column<Guid>(nullable: true),
                EntryId = table.Column<Guid>(nullable: true),
                RatioPercent = table.Column<int>(nullable: true),
                Quota = table.Column<int>(nullable: true),
                Reason = table.Column<string>(maxLength: 1000, nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                CompletedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                Outcome = table.Column<string>(maxLength: 64, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_apr_follow_ups", x => x.RequestId));
        migrationBuilder.CreateIndex("ix_apr_follow_ups_pending", "apr_follow_ups", ["CompletedAt", "CreatedAt"]);
    }
}
