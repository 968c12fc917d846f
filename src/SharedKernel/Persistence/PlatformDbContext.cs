using Microsoft.EntityFrameworkCore;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Outbox;

namespace TravelPermits.SharedKernel.Persistence;

/// <summary>The platform's own tables: audit trail, email outbox, stored idempotent answers, Data Protection key ring.</summary>
internal sealed class PlatformDbContext(DbContextOptions<PlatformDbContext> options) : DbContext(options)
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
        modelBuilder.Entity<DataProtectionKey>(e =>
        {
            e.ToTable(PlatformTables.DataProtectionKeys);
            e.HasKey(x => x.Id);
            e.Property(x => x.FriendlyName).HasMaxLength(256);
        });
    }
}

internal sealed class DataProtectionKey
{
    public long Id { get; private set; }
    public string? FriendlyName { get; init; }
    public required string Xml { get; init; }
}
