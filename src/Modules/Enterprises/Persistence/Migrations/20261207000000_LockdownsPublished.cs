using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Enterprises.Persistence.Migrations;

/// <summary>
/// When each decision on a ward's level was handed to verification with the ward's lockdowns; the
/// decisions recorded before are published by the level sweep at the first start (docs/adr/0019).
/// </summary>
[DbContext(typeof(EnterprisesDbContext))]
[Migration("20261207000000_LockdownsPublished")]
internal sealed class LockdownsPublished : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTimeOffset>(name: "PublishedAt", table: "ent_ward_levels", type: migrationBuilder.InstantType(), nullable: true);
        migrationBuilder.CreateIndex("ix_ent_ward_levels_published", "ent_ward_levels", "PublishedAt");
    }
}
