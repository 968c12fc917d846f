using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Enterprises.Persistence.Migrations;

[DbContext(typeof(EnterprisesDbContext))]
[Migration("20261122010000_EnterprisesInitial")]
internal sealed class EnterprisesInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.CreateTable(
            name: "ent_enterprises",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Name = table.Column<string>(maxLength: 300, nullable: false),
                SearchKey = table.Column<string>(maxLength: 400, nullable: false),
                TaxCode = table.Column<string>(maxLength: 14, nullable: false),
                CityCode = table.Column<string>(maxLength: 8, nullable: false),
                WardCode = table.Column<string>(maxLength: 8, nullable: false),
                Address = table.Column<string>(maxLength: 500, nullable: false),
                ContactEmail = table.Column<string>(maxLength: 256, nullable: false),
                ContactPhone = table.Column<string>(maxLength: 20, nullable: false),
                Workforce = table.Column<int>(nullable: false),
                RatioPercent = table.Column<int>(nullable: false),
                QuotaOverride = table.Column<int>(nullable: true),
                Quota = table.Column<int>(nullable: false),
                ActivePermits = table.Column<int>(nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                RejectionReason = table.Column<string>(maxLength: 1000, nullable: true),
                AccountId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_ent_enterprises", x => x.Id);
                table.CheckConstraint("ck_ent_enterprises_places", "\"ActivePermits\" >= 0");
            });
        migrationBuilder.CreateIndex("ux_ent_enterprises_tax_code", "ent_enterprises", "TaxCode", unique: true, filter: "\"Status\" <> 'rejected'");
        migrationBuilder.CreateIndex("ix_ent_enterprises_ward", "ent_enterprises", ["WardCode", "Status"]);
        migrationBuilder.CreateIndex("ix_ent_enterprises_city", "ent_enterprises", ["CityCode", "Status"]);

        migrationBuilder.CreateTable(
            name: "ent_ward_policies",
            columns: table => new
            {
                WardCode = table.Column<string>(maxLength: 8, nullable: false),
                CityCode = table.Column<string>(maxLength: 8, nullable: false),
                DefaultRatioPercent = table.Column<int>(nullable: true),
                PoliceVerify = table.Column<bool>(nullable: false),
                PoliceStamp = table.Column<bool>(nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_ent_ward_policies", x => x.WardCode));

        migrationBuilder.CreateTable(
            name: "ent_city_policies",
            columns: table => new
            {
                CityCode = table.Column<string>(maxLength: 8, nullable: false),
                DefaultRatioPercent = table.Column<int>(nullable: false),
                UpdatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_ent_city_policies", x => x.CityCode));
    }
}
