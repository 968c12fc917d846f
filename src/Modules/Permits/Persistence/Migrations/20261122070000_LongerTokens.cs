using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Permits.Persistence.Migrations;

/// <summary>
/// A token grows with the holder's name in UTF-8: room for the longest name a row may carry.
/// (SQLite does not enforce lengths, so only PostgreSQL's column changes.)
/// </summary>
[DbContext(typeof(PermitsDbContext))]
[Migration("20261122070000_LongerTokens")]
internal sealed class LongerTokens : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsSqlite())
        {
            migrationBuilder.AlterColumn<string>("Token", "prm_permits", maxLength: 1024, nullable: false, oldMaxLength: 600);
        }
    }
}
