using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TravelPermits.Permits.Persistence.Migrations;

/// <summary>
/// Issuing permits stores its answer to an Idempotency-Key in the platform's table, like every
/// other route, still in the issuing transaction; its own table goes. Keys stored there are
/// forgotten: a retry of an issue sent across the upgrade is refused as a duplicate person
/// rather than replayed, and issues nothing twice.
/// </summary>
[DbContext(typeof(PermitsDbContext))]
[Migration("20261203000000_OneIdempotencyStore")]
internal sealed class OneIdempotencyStore : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.DropTable("prm_idempotency");
}
