using Microsoft.EntityFrameworkCore;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Idempotency;
using TravelPermits.SharedKernel.Outbox;

namespace TravelPermits.SharedKernel.Persistence;

/// <summary>
/// The audit trail, the email outbox and the stored idempotent answers are shared tables, created
/// by the platform's own migrations. Every module maps them too, without migrating them, so that a
/// module writes its audit line, its emails and (when it asks) its answer to an Idempotency-Key in
/// the same transaction as its change.
/// </summary>
public static class PlatformTables
{
    public const string Audit = "platform_audit_entries";
    public const string Outbox = "platform_outbox_emails";
    public const string DataProtectionKeys = "platform_data_protection_keys";
    public const string Idempotency = "platform_idempotency";

    public static ModelBuilder MapPlatformTables(this ModelBuilder model) => model.MapPlatformTables(excludeFromMigrations: true);

    internal static ModelBuilder MapPlatformTables(this ModelBuilder model, bool excludeFromMigrations)
    {
        model.Entity<AuditEntry>(e =>
        {
            e.ToTable(Audit, t => t.ExcludeFromMigrations(excludeFromMigrations));
            e.HasKey(x => x.Id);
            e.Property(x => x.Actor).HasMaxLength(256);
            e.Property(x => x.Action).HasMaxLength(64);
            e.Property(x => x.EntityType).HasMaxLength(64);
            e.Property(x => x.EntityId).HasMaxLength(64);
            e.Property(x => x.CityCode).HasMaxLength(8);
            e.Property(x => x.WardCode).HasMaxLength(8);
        });
        model.Entity<OutboxEmail>(e =>
        {
            e.ToTable(Outbox, t => t.ExcludeFromMigrations(excludeFromMigrations));
            e.HasKey(x => x.Id);
            e.Property(x => x.MessageId).HasMaxLength(250);
            e.Property(x => x.To).HasMaxLength(320);
            e.Property(x => x.Subject).HasMaxLength(500);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        });
        model.Entity<StoredResponse>(e =>
        {
            e.ToTable(Idempotency, t => t.ExcludeFromMigrations(excludeFromMigrations));
            e.HasKey(x => new { x.Scope, x.Key });
            e.Property(x => x.Scope).HasMaxLength(300);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.RequestHash).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(200);
        });
        return model;
    }
}
