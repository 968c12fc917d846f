using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Permits.Persistence.Migrations;

/// <summary>Period ends: when a period was closed, the rollovers and their per-enterprise counts, the work lock.</summary>
[DbContext(typeof(PermitsDbContext))]
[Migration("20261122080000_Rollovers")]
internal sealed class Rollovers : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.AddColumn<DateTimeOffset>("ClosedAt", "prm_periods", type: instant, nullable: true);
        migrationBuilder.CreateIndex("ix_prm_periods_end", "prm_periods", "EndsAt");
        migrationBuilder.CreateTable(
            name: "prm_rollovers",
            columns: table => new
            {
                FromPeriodId = table.Column<Guid>(nullable: false),
                ToPeriodId = table.Column<Guid>(nullable: false),
                StartedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                StartedBy = table.Column<string>(maxLength: 256, nullable: false),
                CompletedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                Carried = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_prm_rollovers", x => x.FromPeriodId));
        migrationBuilder.CreateTable(
            name: "prm_rollover_enterprises",
            columns: table => new
            {
                FromPeriodId = table.Column<Guid>(nullable: false),
                EnterpriseId = table.Column<Guid>(nullable: false),
                Carried = table.Column<int>(nullable: false),
                Notified = table.Column<bool>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_prm_rollover_enterprises", x => new { x.FromPeriodId, x.EnterpriseId }));
        migrationBuilder.CreateTable(
            name: "prm_work_locks",
            columns: table => new
            {
                Name = table.Column<string>(maxLength: 64, nullable: false),
                TakenAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_prm_work_locks", x => x.Name));
        migrationBuilder.InsertData("prm_work_locks", ["Name", "TakenAt"],
            [migrationBuilder.IsSqlite() ? "TEXT" : "character varying(64)", instant], [WorkLock.PeriodEnds, migrationBuilder.IsSqlite() ? 0L : DateTimeOffset.UnixEpoch]);
    }
}
