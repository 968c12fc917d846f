using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Approvals.Persistence.Migrations;

[DbContext(typeof(ApprovalsDbContext))]
[Migration("20261122020000_ApprovalsInitial")]
internal sealed class ApprovalsInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.CreateTable(
            name: "apr_requests",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                Kind = table.Column<string>(maxLength: 16, nullable: false),
                EnterpriseId = table.Column<Guid>(nullable: true),
                CityCode = table.Column<string>(maxLength: 8, nullable: false),
                WardCode = table.Column<string>(maxLength: 8, nullable: false),
                Status = table.Column<string>(maxLength: 24, nullable: false),
                RequiresVerification = table.Column<bool>(nullable: false),
                Note = table.Column<string>(maxLength: 1000, nullable: true),
                RejectionReason = table.Column<string>(maxLength: 1000, nullable: true),
                SubmittedBy = table.Column<string>(maxLength: 256, nullable: false),
                SubmittedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                VerifiedBy = table.Column<string>(maxLength: 256, nullable: true),
                VerifiedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                DecidedBy = table.Column<string>(maxLength: 256, nullable: true),
                DecidedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
                EntryCount = table.Column<int>(nullable: false),
                FileName = table.Column<string>(maxLength: 260, nullable: true),
                NotifyEmail = table.Column<string>(maxLength: 256, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_apr_requests", x => x.Id));
        migrationBuilder.CreateIndex("ix_apr_requests_ward", "apr_requests", ["WardCode", "Status"]);
        migrationBuilder.CreateIndex("ix_apr_requests_city", "apr_requests", ["CityCode", "Status"]);
        migrationBuilder.CreateIndex("ix_apr_requests_enterprise", "apr_requests", "EnterpriseId");

        migrationBuilder.CreateTable(
            name: "apr_entries",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RequestId = table.Column<Guid>(nullable: false),
                Row = table.Column<int>(nullable: false),
                FullName = table.Column<string>(maxLength: 100, nullable: false),
                IdNumber = table.Column<string>(maxLength: 12, nullable: false),
                DateOfBirth = table.Column<DateOnly>(nullable: false),
                Gender = table.Column<string>(maxLength: 8, nullable: false),
                Phone = table.Column<string>(maxLength: 20, nullable: true),
                Position = table.Column<string>(maxLength: 100, nullable: true),
                Residence = table.Column<string>(maxLength: 300, nullable: false),
                Workplace = table.Column<string>(maxLength: 300, nullable: true),
                Reason = table.Column<string>(maxLength: 500, nullable: true),
                Destination = table.Column<string>(maxLength: 300, nullable: true),
                Status = table.Column<string>(maxLength: 16, nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_apr_entries", x => x.Id));
        migrationBuilder.CreateIndex("ix_apr_entries_request", "apr_entries", ["RequestId", "Row"]);

        migrationBuilder.CreateTable(
            name: "apr_request_files",
            columns: table => new
            {
                RequestId = table.Column<Guid>(nullable: false),
                FileName = table.Column<string>(maxLength: 260, nullable: false),
                ContentType = table.Column<string>(maxLength: 200, nullable: false),
                Content = table.Column<byte[]>(nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_apr_request_files", x => x.RequestId));

        migrationBuilder.CreateTable(
            name: "apr_approved",
            columns: table => new
            {
                EntryId = table.Column<Guid>(nullable: false),
                EnterpriseId = table.Column<Guid>(nullable: true),
                RequestId = table.Column<Guid>(nullable: false),
                CityCode = table.Column<string>(maxLength: 8, nullable: false),
                WardCode = table.Column<string>(maxLength: 8, nullable: false),
                FullName = table.Column<string>(maxLength: 100, nullable: false),
                IdNumber = table.Column<string>(maxLength: 12, nullable: false),
                DateOfBirth = table.Column<DateOnly>(nullable: false),
                Gender = table.Column<string>(maxLength: 8, nullable: false),
                Phone = table.Column<string>(maxLength: 20, nullable: true),
                Position = table.Column<string>(maxLength: 100, nullable: true),
                Residence = table.Column<string>(maxLength: 300, nullable: false),
                Workplace = table.Column<string>(maxLength: 300, nullable: true),
                ApprovedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                Active = table.Column<bool>(nullable: false),
                ReplacedAt = table.Column<DateTimeOffset>(type: instant, nullable: true),
            },
            constraints: table => table.PrimaryKey("pk_apr_approved", x => x.EntryId));
        migrationBuilder.CreateIndex("ix_apr_approved_person", "apr_approved", ["EnterpriseId", "IdNumber"]);
        migrationBuilder.CreateIndex("ix_apr_approved_id_number", "apr_approved", "IdNumber");
    }
}
