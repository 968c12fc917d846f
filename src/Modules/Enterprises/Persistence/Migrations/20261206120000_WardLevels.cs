using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Enterprises.Persistence.Migrations;

/// <summary>
/// Wards' epidemic levels and their history, the cities' ratios per level, and whether an
/// enterprise's ratio was set by an official (docs/adr/0018-ward-levels.md).
/// </summary>
[DbContext(typeof(EnterprisesDbContext))]
[Migration("20261206120000_WardLevels")]
internal sealed class WardLevels : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.CreateTable(
            name: "ent_ward_levels",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                WardCode = table.Column<string>(maxLength: 8, nullable: false),
                CityCode = table.Column<string>(maxLength: 8, nullable: false),
                Level = table.Column<int>(nullable: false),
                Lockdown = table.Column<bool>(nullable: false),
                Reason = table.Column<string>(maxLength: 500, nullable: false),
                EffectiveAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                SetAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                SetBy = table.Column<string>(maxLength: 256, nullable: false),
                FollowedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_ent_ward_levels", x => x.Id);
                table.CheckConstraint("ck_ent_ward_levels_level", "\"Level\" BETWEEN 1 AND 4");
            });
        migrationBuilder.CreateIndex("ix_ent_ward_levels_ward", "ent_ward_levels", ["WardCode", "EffectiveAt"]);
        migrationBuilder.CreateIndex("ix_ent_ward_levels_city", "ent_ward_levels", ["CityCode", "EffectiveAt"]);
        migrationBuilder.CreateIndex("ix_ent_ward_levels_followed", "ent_ward_levels", ["FollowedAt", "EffectiveAt"]);

        foreach (var level in new[] { "RatioLevel1", "RatioLevel2", "RatioLevel3", "RatioLevel4" })
        {
            migrationBuilder.AddColumn<int>(name: level, table: "ent_city_policies", nullable: true);
        }
        migrationBuilder.AddColumn<bool>(name: "RatioIsExplicit", table: "ent_enterprises", nullable: false, defaultValue: false);
    }
}
