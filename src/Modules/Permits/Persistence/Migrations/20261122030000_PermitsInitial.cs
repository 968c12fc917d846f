using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Permits.Persistence.Migrations;

[DbContext(typeof(PermitsDbContext))]
[Migration("20261122030000_PermitsInitial")]
internal sealed class PermitsInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.CreateTable(
            name: "prm_permits",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                EntryId = table.Column<Guid>(nullable: false),
                EnterpriseId = table.Column<Guid>(nullable: true),
                EnterpriseName = table.Column<string>(maxLength: 300, nullable: true),
                CityCode = table.Column<string>(maxLength: 8, nullable: false),
                WardCode = table.Column<string>(maxLength: 8, nullable: false),
                WardName = table.Column<string>(maxLength: 200, nullable: false),
                HolderName = table.Column<string>(maxLength: 100, nullable: false),
                IdNumber = table.Column<string>(maxLength: 12, nullable: false),
                IdNumberMasked = table.Column<string>(maxLength: 12, nullable: false),
                DateOfBirth = table.Column<DateOnly>(nullable: false),
                SearchKey = table.Column<string>(maxLength: 150, nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                ValidFrom = table.Column<DateTimeOffset>(type: instant, nullable: false),
                ValidTo = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Token = table.Column<string>(maxLength: 600, nullable: false),
                KeyId = table.Column<string>(maxLength: 16, nullable: false),
                IssuedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                IssuedBy = table.Column<string>(maxLength: 256, nullable: false),
                StampedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                StampedBy = table.Column<string>(maxLength: 256, nullable: true),
                RevokedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                RevokedBy = table.Column<string>(maxLength: 256, nullable: true),
                RevocationReason = table.Column<string>(maxLength: 1000, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_prm_permits", x => x.Id));
        migrationBuilder.CreateIndex("ux_prm_permits_live_person", "prm_permits", "IdNumber", unique: true,
            filter: "\"Status\" IN ('approved', 'stamped', 'issued')");
        migrationBuilder.CreateIndex("ix_prm_permits_enterprise", "prm_permits", ["EnterpriseId", "Status"]);
        migrationBuilder.CreateIndex("ix_prm_permits_ward", "prm_permits", ["WardCode", "Status"]);
        migrationBuilder.CreateIndex("ix_prm_permits_entry", "prm_permits", "EntryId");

        migrationBuilder.CreateTable(
            name: "prm_signing_keys",
            columns: table => new
            {
                Kid = table.Column<string>(maxLength: 16, nullable: false),
                X = table.Column<string>(maxLength: 64, nullable: false),
                Y = table.Column<string>(maxLength: 64, nullable: false),
                ProtectedD = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                RetiredAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_prm_signing_keys", x => x.Kid));

        migrationBuilder.CreateTable(
            name: "prm_revocations",
            columns: table => new
            {
                Sequence = table.Column<long>(nullable: false).Generated(),
                PermitId = table.Column<Guid>(nullable: false),
                RevokedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_prm_revocations", x => x.Sequence));

        migrationBuilder.CreateTable(
            name: "prm_idempotency",
            columns: table => new
            {
                Scope = table.Column<string>(maxLength: 64, nullable: false),
                Key = table.Column<string>(maxLength: 200, nullable: false),
                RequestHash = table.Column<string>(maxLength: 64, nullable: false),
                StatusCode = table.Column<int>(nullable: false),
                ResponseBody = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_prm_idempotency", x => new { x.Scope, x.Key }));
    }
}
