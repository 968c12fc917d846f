using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TravelPermits.SharedKernel.Persistence.Migrations;

[DbContext(typeof(PlatformDbContext))]
[Migration("20261122000000_PlatformInitial")]
internal sealed class PlatformInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.CreateTable(
            name: PlatformTables.Audit,
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                At = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Actor = table.Column<string>(maxLength: 256, nullable: false),
                ActorId = table.Column<Guid>(nullable: true),
                Action = table.Column<string>(maxLength: 64, nullable: false),
                EntityType = table.Column<string>(maxLength: 64, nullable: false),
                EntityId = table.Column<string>(maxLength: 64, nullable: false),
                Details = table.Column<string>(nullable: true),
                CityCode = table.Column<string>(maxLength: 8, nullable: true),
                WardCode = table.Column<string>(maxLength: 8, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_platform_audit_entries", x => x.Id));
        migrationBuilder.CreateIndex("ix_platform_audit_entity", PlatformTables.Audit, ["EntityType", "EntityId"]);
        migrationBuilder.CreateIndex("ix_platform_audit_city", PlatformTables.Audit, ["CityCode"]);

        // The trail is append-only: the database itself refuses to change or remove a line.
        if (migrationBuilder.IsSqlite())
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER platform_audit_no_update BEFORE UPDATE ON {PlatformTables.Audit}
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER platform_audit_no_delete BEFORE DELETE ON {PlatformTables.Audit}
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                """);
        }
        else
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION platform_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END; $$;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER platform_audit_append_only BEFORE UPDATE OR DELETE ON {PlatformTables.Audit}
                FOR EACH ROW EXECUTE FUNCTION platform_audit_append_only();
                """);
        }

        migrationBuilder.CreateTable(
            name: PlatformTables.Outbox,
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                To = table.Column<string>(maxLength: 320, nullable: false),
                Subject = table.Column<string>(maxLength: 500, nullable: false),
                Body = table.Column<string>(nullable: false),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Status = table.Column<string>(maxLength: 16, nullable: false),
                Attempts = table.Column<int>(nullable: false),
                NextAttemptAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                LockedUntil = table.Column<DateTimeOffset>(type: instant, nullable: true),
                SentAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                LastError = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_platform_outbox_emails", x => x.Id));
        migrationBuilder.CreateIndex("ix_platform_outbox_due", PlatformTables.Outbox, ["Status", "NextAttemptAt"]);

        // Replaced by Data Protection's own entity in PlatformDataProtectionKeys.
        migrationBuilder.CreateTable(
            name: PlatformDataProtectionKeys.OldTable,
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                FriendlyName = table.Column<string>(maxLength: 256, nullable: true),
                Xml = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_platform_dataprotection_keys", x => x.Id));
    }
}
