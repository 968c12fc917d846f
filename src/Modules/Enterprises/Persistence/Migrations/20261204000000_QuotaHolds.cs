using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Enterprises.Persistence.Migrations;

/// <summary>Holds of places for permits being issued, and the ids of changes other modules asked for (docs/adr/0017).</summary>
[DbContext(typeof(EnterprisesDbContext))]
[Migration("20261204000000_QuotaHolds")]
internal sealed class QuotaHolds : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.CreateTable(
            name: "ent_quota_holds",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EnterpriseId = table.Column<Guid>(nullable: false),
                Places = table.Column<int>(nullable: false),
                State = table.Column<string>(maxLength: 16, nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                ResolvedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_ent_quota_holds", x => x.Id);
                table.CheckConstraint("ck_ent_quota_holds_places", "\"Places\" > 0");
            });
        migrationBuilder.CreateIndex("ix_ent_quota_holds_state", "ent_quota_holds", ["State", "CreatedAt"]);

        migrationBuilder.CreateTable(
            name: "ent_applied_changes",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EnterpriseId = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 32, nullable: false),
                At = table.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_ent_applied_changes", x => x.Id));
    }
}
