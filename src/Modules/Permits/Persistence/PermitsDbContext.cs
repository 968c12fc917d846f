using Microsoft.EntityFrameworkCore;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Permits.Persistence;

internal sealed class PermitsDbContext(DbContextOptions<PermitsDbContext> options) : DbContext(options)
{
    public DbSet<Permit> Permits => Set<Permit>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<Revocation> Revocations => Set<Revocation>();
    public DbSet<Period> Periods => Set<Period>();
    public DbSet<Rollover> Rollovers => Set<Rollover>();
    public DbSet<RolloverEnterprise> RolloverEnterprises => Set<RolloverEnterprise>();
    public DbSet<WorkLock> WorkLocks => Set<WorkLock>();
    public DbSet<HoldOutcome> HoldOutcomes => Set<HoldOutcome>();
    public DbSet<PlaceReturn> PlaceReturns => Set<PlaceReturn>();
    public DbSet<WardSuspension> WardSuspensions => Set<WardSuspension>();
    public DbSet<SuspensionNotice> SuspensionNotices => Set<SuspensionNotice>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModelConventions.Apply(configurationBuilder, Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapPlatformTables();
        modelBuilder.Entity<Permit>(e =>
        {
            e.ToTable("prm_permits");
            e.HasKey(x => x.Id);
            e.Property(x => x.EnterpriseName).HasMaxLength(300);
            e.Property(x => x.CityCode).HasMaxLength(8);
            e.Property(x => x.WardCode).HasMaxLength(8);
            e.Property(x => x.WardName).HasMaxLength(200);
            e.Property(x => x.HolderName).HasMaxLength(100);
            e.Property(x => x.IdNumber).HasMaxLength(12);
            e.Property(x => x.IdNumberMasked).HasMaxLength(12);
            e.Property(x => x.SearchKey).HasMaxLength(150);
            e.Property(x => x.Status).HasConversion(s => s.Name(), s => PermitStatuses.Parse(s)).HasMaxLength(16);
            e.Property(x => x.Token).HasMaxLength(1024);
            e.Property(x => x.KeyId).HasMaxLength(16);
            e.Property(x => x.IssuedBy).HasMaxLength(256);
            e.Property(x => x.StampedBy).HasMaxLength(256);
            e.Property(x => x.RevokedBy).HasMaxLength(256);
            e.Property(x => x.RevocationReason).HasMaxLength(1000);
            // One live permit per person, whoever issued it: the database refuses a second.
            e.HasIndex(x => x.IdNumber).IsUnique().HasFilter("\"Status\" IN ('approved', 'stamped', 'issued')").HasDatabaseName("ux_prm_permits_live_person");
            e.HasIndex(x => new { x.EnterpriseId, x.Status, x.Id }).HasDatabaseName("ix_prm_permits_enterprise");
            e.HasIndex(x => new { x.EnterpriseId, x.Id }).HasDatabaseName("ix_prm_permits_enterprise_list");
            e.HasIndex(x => new { x.WardCode, x.Status }).HasDatabaseName("ix_prm_permits_ward");
            e.HasIndex(x => x.EntryId).HasDatabaseName("ix_prm_permits_entry");
            e.HasIndex(x => new { x.PeriodId, x.Status }).HasDatabaseName("ix_prm_permits_period");
            // An individual application yields one permit, once, however often its issue is asked for.
            e.HasIndex(x => x.EntryId, "ux_prm_permits_individual_entry").IsUnique().HasFilter("\"EnterpriseId\" IS NULL");
        });
        modelBuilder.Entity<HoldOutcome>(e =>
        {
            e.ToTable("prm_hold_outcomes");
            e.HasKey(x => x.HoldId);
        });
        modelBuilder.Entity<PlaceReturn>(e =>
        {
            e.ToTable("prm_place_returns", t => t.HasCheckConstraint("ck_prm_place_returns_places", "\"Places\" > 0"));
            e.HasKey(x => x.Id);
            e.HasIndex(x => new { x.DeliveredAt, x.CreatedAt }).HasDatabaseName("ix_prm_place_returns_pending");
        });
        modelBuilder.Entity<SigningKey>(e =>
        {
            e.ToTable("prm_signing_keys");
            e.HasKey(x => x.Kid);
            e.Property(x => x.Kid).HasMaxLength(16);
            e.Property(x => x.X).HasMaxLength(64);
            e.Property(x => x.Y).HasMaxLength(64);
        });
        modelBuilder.Entity<Revocation>(e =>
        {
            e.ToTable("prm_revocations");
            e.HasKey(x => x.Sequence);
        });
        modelBuilder.Entity<WardSuspension>(e =>
        {
            e.ToTable("prm_ward_suspensions");
            e.HasKey(x => x.Id);
            e.Property(x => x.WardCode).HasMaxLength(8);
            e.Property(x => x.WardName).HasMaxLength(200);
            e.Property(x => x.Reason).HasMaxLength(500);
            // The verification's join: the window of the permit's ward open now, if any.
            e.HasIndex(x => new { x.WardCode, x.Since }).HasDatabaseName("ix_prm_ward_suspensions_ward");
        });
        modelBuilder.Entity<SuspensionNotice>(e =>
        {
            e.ToTable("prm_suspension_notices");
            e.HasKey(x => x.Sequence);
            e.Property(x => x.WardCode).HasMaxLength(8);
            e.Property(x => x.WardName).HasMaxLength(200);
            e.Property(x => x.Reason).HasMaxLength(500);
        });
        modelBuilder.Entity<Period>(e =>
        {
            e.ToTable("prm_periods");
            e.HasKey(x => x.Id);
            e.Property(x => x.Label).HasMaxLength(100);
            e.Property(x => x.CityCode).HasMaxLength(8);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.HasIndex(x => x.StartsAt).HasDatabaseName("ix_prm_periods_start");
        });
        modelBuilder.Entity<Rollover>(e =>
        {
            e.ToTable("prm_rollovers");
            e.HasKey(x => x.FromPeriodId);
            e.Property(x => x.StartedBy).HasMaxLength(256);
        });
        modelBuilder.Entity<RolloverEnterprise>(e =>
        {
            e.ToTable("prm_rollover_enterprises");
            e.HasKey(x => new { x.FromPeriodId, x.EnterpriseId });
        });
        modelBuilder.Entity<WorkLock>(e =>
        {
            e.ToTable("prm_work_locks");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(64);
        });
    }
}
