using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Permits.Persistence.Migrations;

/// <summary>
/// Permits issued under a hold of quota places, the outcome of each hold, the places given back, and
/// one permit per individual application (docs/adr/0017).
/// </summary>
[DbContext(typeof(PermitsDbContext))]
[Migration("20261204000000_HoldsAndReturns")]
internal sealed class HoldsAndReturns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.AddColumn<Guid>("HoldId", "prm_permits", nullable: true);
        migrationBuilder.CreateIndex("ux_prm_permits_individual_entry", "prm_permits", "EntryId", unique: true, filter: "\"EnterpriseId\" IS NULL");
        migrationBuilder.CreateTable(
            name: "prm_hold_outcomes",
            columns: table => new
            {
                HoldId = table.Column<Guid>(nullable: false),
                Issued = table.Column<bool>(nullable: false),
                At = table.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_prm_hold_outcomes", x => x.HoldId));
        migrationBuilder.CreateTable(
            name: "prm_place_returns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EnterpriseId = table.Column<Guid>(nullable: false),
                Places = table.Column<int>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                DeliveredAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_prm_place_returns", x => x.Id);
                table.CheckConstraint("ck_prm_place_returns_places", "\"Places\" > 0");
            });
        migrationBuilder.CreateIndex("ix_prm_place_returns_pending", "prm_place_returns", ["DeliveredAt", "CreatedAt"]);
    }
}
