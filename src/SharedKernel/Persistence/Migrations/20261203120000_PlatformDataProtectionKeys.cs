using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TravelPermits.SharedKernel.Persistence.Migrations;

/// <summary>
/// The key ring moves from the platform's own table to Data Protection's entity (a 32-bit id,
/// nullable columns), read and written by <c>PersistKeysToDbContext</c>. The keys are moved as
/// they are, still encrypted: the bearer tokens, protected secrets and signing keys they protect
/// stay readable.
/// </summary>
[DbContext(typeof(PlatformDbContext))]
[Migration("20261203120000_PlatformDataProtectionKeys")]
internal sealed class PlatformDataProtectionKeys : Migration
{
    /// <summary>The table of the hand-written key store, created by <see cref="PlatformInitial"/>.</summary>
    internal const string OldTable = "platform_dataprotection_keys";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: PlatformTables.DataProtectionKeys,
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                FriendlyName = table.Column<string>(nullable: true),
                Xml = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_platform_data_protection_keys", x => x.Id));
        migrationBuilder.Sql($"""
            INSERT INTO {PlatformTables.DataProtectionKeys} ("FriendlyName", "Xml")
            SELECT "FriendlyName", "Xml" FROM {OldTable} ORDER BY "Id";
            """);
        migrationBuilder.DropTable(OldTable);
    }
}
