using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TravelPermits.SharedKernel.Persistence.Migrations;

/// <summary>
/// Each outbox email stores its Message-ID (ADR 15): every attempt and every resend carries the
/// same one. Rows queued before get the one they were sent with until now, made from their id.
/// </summary>
[DbContext(typeof(PlatformDbContext))]
[Migration("20261204120000_PlatformOutboxMessageId")]
internal sealed class PlatformOutboxMessageId : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(
            name: "MessageId", table: PlatformTables.Outbox, maxLength: 250, nullable: false, defaultValue: "");
        // OutboxEmail.MessageIdFor: the id's 32 hexadecimal digits in lower case, '@travel-permits'.
        var digits = migrationBuilder.IsSqlite() ? "lower(replace(\"Id\", '-', ''))" : "replace(\"Id\"::text, '-', '')";
        migrationBuilder.Sql($"UPDATE {PlatformTables.Outbox} SET \"MessageId\" = {digits} || '@travel-permits';");
    }
}
