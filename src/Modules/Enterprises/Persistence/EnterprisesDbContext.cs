using Microsoft.EntityFrameworkCore;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Enterprises.Persistence;

internal sealed class EnterprisesDbContext(DbContextOptions<EnterprisesDbContext> options) : DbContext(options)
{
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<WardPolicy> WardPolicies => Set<WardPolicy>();
    public DbSet<CityPolicy> CityPolicies => Set<CityPolicy>();
    public DbSet<QuotaHold> QuotaHolds => Set<QuotaHold>();
    public DbSet<AppliedChange> AppliedChanges => Set<AppliedChange>();
    public DbSet<WardLevelChange> WardLevels => Set<WardLevelChange>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModelConventions.Apply(configurationBuilder, Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapPlatformTables();
        modelBuilder.Entity<Enterprise>(e =>
        {
            e.ToTable("ent_enterprises", t =>
            {
                t.HasCheckConstraint("ck_ent_enterprises_places", "\"ActivePermits\" >= 0");
            });
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(300);
            e.Property(x => x.SearchKey).HasMaxLength(400);
            e.Property(x => x.TaxCode).HasMaxLength(14);
            e.Property(x => x.CityCode).HasMaxLength(8);
            e.Property(x => x.WardCode).HasMaxLength(8);
            e.Property(x => x.Address).HasMaxLength(500);
            e.Property(x => x.ContactEmail).HasMaxLength(256);
            e.Property(x => x.ContactPhone).HasMaxLength(20);
            // Stored as the contract's name ("active"), which the filtered index below relies on.
            e.Property(x => x.Status).HasMaxLength(16)
                .HasConversion(status => status.Name(), name => EnterpriseStatusNames.Parse(name));
            e.Property(x => x.RejectionReason).HasMaxLength(1000);
            e.Property(x => x.Version).IsConcurrencyToken();
            // One registration per tax code, except those that were rejected (they may register again).
            e.HasIndex(x => x.TaxCode).IsUnique().HasFilter("\"Status\" <> 'rejected'").HasDatabaseName("ux_ent_enterprises_tax_code");
            e.HasIndex(x => new { x.WardCode, x.Status }).HasDatabaseName("ix_ent_enterprises_ward");
            e.HasIndex(x => new { x.CityCode, x.Status }).HasDatabaseName("ix_ent_enterprises_city");
        });
        modelBuilder.Entity<WardPolicy>(e =>
        {
            e.ToTable("ent_ward_policies");
            e.HasKey(x => x.WardCode);
            e.Property(x => x.WardCode).HasMaxLength(8);
            e.Property(x => x.CityCode).HasMaxLength(8);
        });
        modelBuilder.Entity<CityPolicy>(e =>
        {
            e.ToTable("ent_city_policies");
            e.HasKey(x => x.CityCode);
            e.Property(x => x.CityCode).HasMaxLength(8);
        });
        modelBuilder.Entity<QuotaHold>(e =>
        {
            e.ToTable("ent_quota_holds", t => t.HasCheckConstraint("ck_ent_quota_holds_places", "\"Places\" > 0"));
            e.HasKey(x => x.Id);
            e.Property(x => x.State).HasMaxLength(16).HasConversion(
                state => state == HoldState.Held ? "held" : state == HoldState.Taken ? "taken" : "released",
                name => name == "held" ? HoldState.Held : name == "taken" ? HoldState.Taken : HoldState.Released);
            // The sweep looks for holds still held after a while: few rows, in creation order.
            e.HasIndex(x => new { x.State, x.CreatedAt }).HasDatabaseName("ix_ent_quota_holds_state");
        });
        modelBuilder.Entity<WardLevelChange>(e =>
        {
            e.ToTable("ent_ward_levels", t => t.HasCheckConstraint("ck_ent_ward_levels_level", "\"Level\" BETWEEN 1 AND 4"));
            e.HasKey(x => x.Id);
            e.Property(x => x.WardCode).HasMaxLength(8);
            e.Property(x => x.CityCode).HasMaxLength(8);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.SetBy).HasMaxLength(256);
            // A ward's history, and the level in force at an instant: the latest decision up to it.
            e.HasIndex(x => new { x.WardCode, x.EffectiveAt }).HasDatabaseName("ix_ent_ward_levels_ward");
            // The levels of a city's wards (the list of wards).
            e.HasIndex(x => new { x.CityCode, x.EffectiveAt }).HasDatabaseName("ix_ent_ward_levels_city");
            // The sweep looks for decisions in force whose quotas have not followed yet: few rows.
            e.HasIndex(x => new { x.FollowedAt, x.EffectiveAt }).HasDatabaseName("ix_ent_ward_levels_followed");
            e.HasIndex(x => x.PublishedAt).HasDatabaseName("ix_ent_ward_levels_published");
        });
        modelBuilder.Entity<AppliedChange>(e =>
        {
            e.ToTable("ent_applied_changes");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasMaxLength(32);
        });
    }
}
