using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Outbox;

namespace TravelPermits.SharedKernel.Persistence;

/// <summary>The platform's own tables: audit trail, email outbox, stored idempotent answers, Data Protection key ring.</summary>
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
        // Data Protection's own entity, read and written by its EntityFrameworkCoreXmlRepository.
        modelBuilder.Entity<DataProtectionKey>().ToTable(PlatformTables.DataProtectionKeys);
    }
}
