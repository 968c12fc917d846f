using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Permits.Persistence.Migrations;

/// <summary>Wards' lockdown windows, which suspend their permits, and the feed of suspensions for offline verifiers (docs/adr/0019).</summary>
[DbContext(typeof(PermitsDbContext))]
[Migration("20261207000000_WardSuspensions")]
internal sealed class WardSuspensions : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.CreateTable(
            name: "prm_ward_suspensions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                WardCode = table.Column<string>(maxLength: 8, nullable: false),
                WardName = table.Column<string>(maxLength: 200, nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: false),
                Since = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Until = table.Column<DateTimeOffset>(type: instant, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_prm_ward_suspensions", x => x.Id));
        migrationBuilder.CreateIndex("ix_prm_ward_suspensions_ward", "prm_ward_suspensions", ["WardCode", "Since"]);
        migrationBuilder.CreateTable(
            name: "prm_suspension_notices",
            columns: table => new
            {
                Sequence = table.Column<long>(nullable: false).Generated(),
                PermitId = table.Column<Guid>(nullable: false),
                SuspensionId = table.Column<Guid>(nullable: false),
                WardCode = table.Column<string>(maxLength: 8, nullable: false),
                WardName = table.Column<string>(maxLength: 200, nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: false),
                Since = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Until = table.Column<DateTimeOffset>(type: instant, nullable: true),
                At = table.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_prm_suspension_notices", x => x.Sequence));
    }
}
