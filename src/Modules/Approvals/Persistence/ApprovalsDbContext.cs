using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TravelPermits.Approvals.Contracts;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Approvals.Persistence;

internal sealed class ApprovalsDbContext(DbContextOptions<ApprovalsDbContext> options) : DbContext(options)
{
    public DbSet<Request> Requests => Set<Request>();
    public DbSet<Entry> Entries => Set<Entry>();
    public DbSet<RequestFile> Files => Set<RequestFile>();
    public DbSet<ApprovedEntry> Approved => Set<ApprovedEntry>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModelConventions.Apply(configurationBuilder, Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapPlatformTables();
        modelBuilder.Entity<Request>(e =>
        {
            e.ToTable("apr_requests");
            e.HasKey(x => x.Id);
            e.Property(x => x.Kind).HasConversion(WireNames<RequestKind>.Converter).HasMaxLength(16);
            e.Property(x => x.CityCode).HasMaxLength(8);
            e.Property(x => x.WardCode).HasMaxLength(8);
            e.Property(x => x.Status).HasConversion(WireNames<RequestStatus>.Converter).HasMaxLength(24);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.RejectionReason).HasMaxLength(1000);
            e.Property(x => x.SubmittedBy).HasMaxLength(256);
            e.Property(x => x.VerifiedBy).HasMaxLength(256);
            e.Property(x => x.DecidedBy).HasMaxLength(256);
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.NotifyEmail).HasMaxLength(256);
            e.HasIndex(x => new { x.WardCode, x.Status }).HasDatabaseName("ix_apr_requests_ward");
            e.HasIndex(x => new { x.CityCode, x.Status }).HasDatabaseName("ix_apr_requests_city");
            e.HasIndex(x => x.EnterpriseId).HasDatabaseName("ix_apr_requests_enterprise");
        });
        modelBuilder.Entity<Entry>(e =>
        {
            e.ToTable("apr_entries");
            e.HasKey(x => x.Id);
            PersonColumns(e);
            e.Property(x => x.Reason).HasMaxLength(500);
            e.Property(x => x.Destination).HasMaxLength(300);
            e.Property(x => x.Status).HasConversion(WireNames<EntryStatus>.Converter).HasMaxLength(16);
            e.HasIndex(x => new { x.RequestId, x.Row }).HasDatabaseName("ix_apr_entries_request");
        });
        modelBuilder.Entity<RequestFile>(e =>
        {
            e.ToTable("apr_request_files");
            e.HasKey(x => x.RequestId);
            e.Property(x => x.FileName).HasMaxLength(260);
            e.Property(x => x.ContentType).HasMaxLength(200);
        });
        modelBuilder.Entity<ApprovedEntry>(e =>
        {
            e.ToTable("apr_approved");
            e.HasKey(x => x.EntryId);
            e.Property(x => x.CityCode).HasMaxLength(8);
            e.Property(x => x.WardCode).HasMaxLength(8);
            PersonColumns(e);
            e.HasIndex(x => new { x.EnterpriseId, x.IdNumber }, "ix_apr_approved_person");
            e.HasIndex(x => new { x.EnterpriseId, x.IdNumber }, "ux_apr_approved_active_person").IsUnique().HasFilter("\"Active\" AND \"EnterpriseId\" IS NOT NULL");
            e.HasIndex(x => x.IdNumber, "ix_apr_approved_id_number");
        });
        modelBuilder.Entity<FollowUp>(e =>
        {
            e.ToTable("apr_follow_ups");
            e.HasKey(x => x.RequestId);
            e.Property(x => x.Kind).HasMaxLength(32);
            e.Property(x => x.Reason).HasMaxLength(1000);
            e.Property(x => x.Outcome).HasMaxLength(64);
            e.HasIndex(x => new { x.CompletedAt, x.CreatedAt }, "ix_apr_follow_ups_pending");
        });
    }

    /// <summary>A person's columns, the same on a request's entry and on the approved list it is copied to.</summary>
    private static void PersonColumns(EntityTypeBuilder builder)
    {
        builder.Property(nameof(Persistence.Entry.FullName)).HasMaxLength(100);
        builder.Property(nameof(Persistence.Entry.IdNumber)).HasMaxLength(12);
        builder.Property(nameof(Persistence.Entry.Gender)).HasMaxLength(8);
        builder.Property(nameof(Persistence.Entry.Phone)).HasMaxLength(20);
        builder.Property(nameof(Persistence.Entry.Position)).HasMaxLength(100);
        builder.Property(nameof(Persistence.Entry.Residence)).HasMaxLength(300);
        builder.Property(nameof(Persistence.Entry.Workplace)).HasMaxLength(300);
    }
}
