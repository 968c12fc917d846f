using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TravelPermits.Geography.Persistence.Migrations;

[DbContext(typeof(GeographyDbContext))]
[Migration("20261122000100_GeographyInitial")]
internal sealed class GeographyInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "geo_cities",
            columns: table => new
            {
                Code = table.Column<string>(maxLength: 8, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Type = table.Column<string>(maxLength: 100, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_geo_cities", x => x.Code));
        migrationBuilder.CreateTable(
            name: "geo_districts",
            columns: table => new
            {
                Code = table.Column<string>(maxLength: 8, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Type = table.Column<string>(maxLength: 100, nullable: false),
                CityCode = table.Column<string>(maxLength: 8, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_geo_districts", x => x.Code));
        migrationBuilder.CreateIndex("ix_geo_districts_city", "geo_districts", "CityCode");
        migrationBuilder.CreateTable(
            name: "geo_wards",
            columns: table => new
            {
                Code = table.Column<string>(maxLength: 8, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                Type = table.Column<string>(maxLength: 100, nullable: false),
                DistrictCode = table.Column<string>(maxLength: 8, nullable: false),
                CityCode = table.Column<string>(maxLength: 8, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_geo_wards", x => x.Code));
        migrationBuilder.CreateIndex("ix_geo_wards_city", "geo_wards", "CityCode");
        migrationBuilder.CreateIndex("ix_geo_wards_district", "geo_wards", "DistrictCode");
    }
}
