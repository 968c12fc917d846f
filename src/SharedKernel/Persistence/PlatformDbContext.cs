using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Outbox;

namespace TravelPermits.SharedKernel.Persistence;

/// <summary>The platform's own tables: audit trail, email outbox, Data Protection key ring.</summary>
internal sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Idempotency.StoredResponse> StoredResponses => Set<Idempotency.StoredResponse>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModelConventions.Apply(configurationBuilder, Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapPlatformTables(excludeFromMigrations: false);
        modelBuilder.Entity<Idempotency.StoredResponse>(e =>
        {
            e.ToTable(PlatformTables.Idempotency);
            e.HasKey(x => new { x.Scope, x.Key });
            e.Property(x => x.Scope).HasMaxLength(300);
            e.Property(x => x.Key).HasMaxLength(200);
            e.Property(x => x.RequestHash).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(200);
        });
        // Data Protection's own entity, read and written by its EntityFrameworkCoreXmlRepository.
        modelBuilder.Entity<DataProtectionKey>().ToTable(PlatformTables.DataProtectionKeys);
    }
}
