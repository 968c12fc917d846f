using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Permits.Persistence.Migrations;

/// <summary>Validity periods, and the period each permit is in.</summary>
[DbContext(typeof(PermitsDbContext))]
[Migration("20261122060000_Periods")]
internal sealed class Periods : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.CreateTable(
            name: "prm_periods",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Label = table.Column<string>(maxLength: 100, nullable: false),
                StartsAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                EndsAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                CreatedBy = table.Column<string>(maxLength: 256, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_prm_periods", x => x.Id));
        migrationBuilder.CreateIndex("ix_prm_periods_start", "prm_periods", "StartsAt");
        migrationBuilder.AddColumn<Guid>("PeriodId", "prm_permits", nullable: true);
        migrationBuilder.CreateIndex("ix_prm_permits_period", "prm_permits", ["PeriodId", "Status"]);
    }
}
