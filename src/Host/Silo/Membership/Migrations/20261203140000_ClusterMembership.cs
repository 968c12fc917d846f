using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Host.Silo.Membership.Migrations;

/// <summary>
/// The membership tables of Orleans' ADO.NET clustering and the queries Orleans runs on them
/// (PostgreSQL only: the context is not registered on SQLite). Orleans reads every query by its
/// key at start and passes its parameters by name (<c>@DeploymentId</c> is the cluster id); it
/// reads the columns of the answers by name, and each change answers a single count, 0 when the
/// membership version it was given is no longer the current one (another silo changed the table
/// first: Orleans reads it again and retries). Written for this repository from the provider's
/// contract; a later change of a query is a new migration that updates its row.
/// </summary>
[DbContext(typeof(MembershipDbContext))]
[Migration("20261203140000_ClusterMembership")]
internal sealed class ClusterMembership : Migration
{
    private const string Versions = MembershipDbContext.VersionsTable;
    private const string Silos = MembershipDbContext.SilosTable;

    /// <summary>The row of the silo a query names.</summary>
    private const string ThisSilo = """
        "ClusterId" = @DeploymentId AND "Address" = @Address AND "Port" = @Port AND "Generation" = @Generation
        """;

    /// <summary>What Orleans reads of a silo, under the names it reads; the version row stands alone when the cluster has no silo yet.</summary>
    private const string SiloColumns = """
        v."ClusterId" AS "DeploymentId", s."Address", s."Port", s."Generation", s."SiloName", s."HostName",
        s."Status", s."ProxyPort", s."SuspectTimes", s."StartTime", s."IAmAliveTime", v."Version"
        """;

    private static readonly (string Key, string Text)[] Queries =
    [
        ("InsertMembershipVersionKey", $"""
            WITH created AS (
                INSERT INTO {Versions} ("ClusterId", "Version", "ChangedAt") VALUES (@DeploymentId, 0, now())
                ON CONFLICT ("ClusterId") DO NOTHING
                RETURNING 1)
            SELECT count(*)::int FROM created;
            """),
        // The version moves only when the silo's row is new and the version is still the one the
        // silo read; the row is inserted only when the version moved. Two silos racing on one
        // version queue on its row, and the second finds it changed.
        ("InsertMembershipKey", $"""
            WITH moved AS (
                UPDATE {Versions} SET "Version" = "Version" + 1, "ChangedAt" = now()
                WHERE "ClusterId" = @DeploymentId AND "Version" = @Version
                  AND NOT EXISTS (SELECT 1 FROM {Silos} WHERE {ThisSilo})
                RETURNING "ClusterId"),
            inserted AS (
                INSERT INTO {Silos} ("ClusterId", "Address", "Port", "Generation", "SiloName", "HostName",
                    "Status", "ProxyPort", "StartTime", "IAmAliveTime")
                SELECT "ClusterId", @Address, @Port, @Generation, @SiloName, @HostName,
                    @Status, @ProxyPort, @StartTime, @IAmAliveTime
                FROM moved
                RETURNING 1)
            SELECT count(*)::int FROM inserted;
            """),
        ("UpdateMembershipKey", $"""
            WITH moved AS (
                UPDATE {Versions} SET "Version" = "Version" + 1, "ChangedAt" = now()
                WHERE "ClusterId" = @DeploymentId AND "Version" = @Version
                  AND EXISTS (SELECT 1 FROM {Silos} WHERE {ThisSilo})
                RETURNING "ClusterId"),
            updated AS (
                UPDATE {Silos} s SET "Status" = @Status, "SuspectTimes" = @SuspectTimes, "IAmAliveTime" = @IAmAliveTime
                FROM moved
                WHERE s."ClusterId" = moved."ClusterId" AND s."Address" = @Address AND s."Port" = @Port AND s."Generation" = @Generation
                RETURNING 1)
            SELECT count(*)::int FROM updated;
            """),
        // A heartbeat, not a membership change: the version stays.
        ("UpdateIAmAlivetimeKey", $"""
            UPDATE {Silos} SET "IAmAliveTime" = @IAmAliveTime WHERE {ThisSilo};
            """),
        ("MembershipReadRowKey", $"""
            SELECT {SiloColumns}
            FROM {Versions} v
            LEFT JOIN {Silos} s ON s."ClusterId" = v."ClusterId"
                AND s."Address" = @Address AND s."Port" = @Port AND s."Generation" = @Generation
            WHERE v."ClusterId" = @DeploymentId;
            """),
        ("MembershipReadAllKey", $"""
            SELECT {SiloColumns}
            FROM {Versions} v
            LEFT JOIN {Silos} s ON s."ClusterId" = v."ClusterId"
            WHERE v."ClusterId" = @DeploymentId;
            """),
        ("GatewaysQueryKey", $"""
            SELECT "Address", "ProxyPort", "Generation" FROM {Silos}
            WHERE "ClusterId" = @DeploymentId AND "Status" = @Status AND "ProxyPort" > 0;
            """),
        ("DeleteMembershipTableEntriesKey", $"""
            DELETE FROM {Silos} WHERE "ClusterId" = @DeploymentId;
            DELETE FROM {Versions} WHERE "ClusterId" = @DeploymentId;
            """),
        // Rows of silos gone long ago (Orleans passes the limit); an active silo's row stays.
        ("CleanupDefunctSiloEntriesKey", $"""
            DELETE FROM {Silos}
            WHERE "ClusterId" = @DeploymentId AND "IAmAliveTime" < @IAmAliveTime AND "Status" <> {ClusterSilo.Active};
            """),
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: MembershipDbContext.QueriesTable,
            columns: table => new
            {
                querykey = table.Column<string>(maxLength: 64, nullable: false),
                querytext = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_orleansquery", x => x.querykey));
        migrationBuilder.CreateTable(
            name: Versions,
            columns: table => new
            {
                ClusterId = table.Column<string>(maxLength: 150, nullable: false),
                Version = table.Column<int>(nullable: false),
                ChangedAt = table.Column<DateTimeOffset>(type: migrationBuilder.InstantType(), nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_cluster_versions", x => x.ClusterId));
        migrationBuilder.CreateTable(
            name: Silos,
            columns: table => new
            {
                ClusterId = table.Column<string>(maxLength: 150, nullable: false),
                Address = table.Column<string>(maxLength: 45, nullable: false),
                Port = table.Column<int>(nullable: false),
                Generation = table.Column<int>(nullable: false),
                SiloName = table.Column<string>(maxLength: 150, nullable: false),
                HostName = table.Column<string>(maxLength: 150, nullable: false),
                Status = table.Column<int>(nullable: false),
                ProxyPort = table.Column<int>(nullable: false),
                SuspectTimes = table.Column<string>(nullable: true),
                StartTime = table.Column<DateTimeOffset>(type: migrationBuilder.InstantType(), nullable: false),
                IAmAliveTime = table.Column<DateTimeOffset>(type: migrationBuilder.InstantType(), nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("pk_cluster_silos", x => new { x.ClusterId, x.Address, x.Port, x.Generation });
                table.ForeignKey("fk_cluster_silos_cluster_versions", x => x.ClusterId, Versions, "ClusterId", onDelete: ReferentialAction.Restrict);
            });
        foreach (var (key, text) in Queries)
        {
            migrationBuilder.InsertData(
                table: MembershipDbContext.QueriesTable,
                columns: ["querykey", "querytext"],
                columnTypes: ["character varying(64)", "text"],
                values: new object[] { key, text });
        }
    }
}
