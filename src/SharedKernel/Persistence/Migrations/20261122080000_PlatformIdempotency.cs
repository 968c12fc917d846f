using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TravelPermits.SharedKernel.Persistence.Migrations;

/// <summary>First answers to POSTs sent with an Idempotency-Key.</summary>
[DbContext(typeof(PlatformDbContext))]
[Migration("20261122080000_PlatformIdempotency")]
internal sealed class PlatformIdempotency : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.CreateTable(
            name: PlatformTables.Idempotency,
            columns: table => new
            {
                Scope = table.Column<string>(maxLength: 300, nullable: false),
                Key = table.Column<string>(maxLength: 200, nullable: false),
                RequestHash = table.Column<string>(maxLength: 64, nullable: false),
                StatusCode = table.Column<int>(nullable: false),
                ContentType = table.Column<string>(maxLength: 200, nullable: true),
                Body = table.Column<byte[]>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: migrationBuilder.InstantType(), nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_platform_idempotency", x => new { x.Scope, x.Key }));
}
