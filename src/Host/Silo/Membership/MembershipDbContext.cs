using Microsoft.EntityFrameworkCore;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Host.Silo.Membership;

/// <summary>
/// The tables of Orleans' ADO.NET clustering on PostgreSQL: the queries Orleans runs, one
/// membership version per cluster and one row per silo. Registered on PostgreSQL only (a SQLite
/// Host is a cluster of one, on localhost clustering); migrated at start like every module's.
/// Orleans reads and writes them through the queries stored in <see cref="OrleansQuery"/>, never
/// through this context: the context is here for the migrations and for reading in tests.
/// </summary>
internal sealed class MembershipDbContext(DbContextOptions<MembershipDbContext> options) : DbContext(options)
{
    public const string HistoryTable = "__cluster_migrations";

    /// <summary>Orleans reads its queries with <c>SELECT QueryKey, QueryText FROM OrleansQuery</c>, unquoted: in PostgreSQL's lower case.</summary>
    public const string QueriesTable = "orleansquery";
    public const string VersionsTable = "cluster_versions";
    public const string SilosTable = "cluster_silos";

    public DbSet<OrleansQuery> Queries => Set<OrleansQuery>();
    public DbSet<ClusterVersion> Versions => Set<ClusterVersion>();
    public DbSet<ClusterSilo> Silos => Set<ClusterSilo>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModelConventions.Apply(configurationBuilder, Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OrleansQuery>(e =>
        {
            e.ToTable(QueriesTable);
            e.HasKey(x => x.QueryKey).HasName("pk_orleansquery");
            e.Property(x => x.QueryKey).HasColumnName("querykey").HasMaxLength(64);
            e.Property(x => x.QueryText).HasColumnName("querytext");
        });
        modelBuilder.Entity<ClusterVersion>(e =>
        {
            e.ToTable(VersionsTable);
            e.HasKey(x => x.ClusterId).HasName("pk_cluster_versions");
            e.Property(x => x.ClusterId).HasMaxLength(150);
        });
        modelBuilder.Entity<ClusterSilo>(e =>
        {
            e.ToTable(SilosTable);
            e.HasKey(x => new { x.ClusterId, x.Address, x.Port, x.Generation }).HasName("pk_cluster_silos");
            e.Property(x => x.ClusterId).HasMaxLength(150);
            e.Property(x => x.Address).HasMaxLength(45);
            e.Property(x => x.SiloName).HasMaxLength(150);
            e.Property(x => x.HostName).HasMaxLength(150);
            e.HasOne<ClusterVersion>().WithMany().HasForeignKey(x => x.ClusterId)
                .HasConstraintName("fk_cluster_silos_cluster_versions").OnDelete(DeleteBehavior.Restrict);
        });
    }
}

/// <summary>One of the queries Orleans' clustering provider runs, by the key it looks it up by.</summary>
internal sealed class OrleansQuery
{
    public required string QueryKey { get; init; }
    public required string QueryText { get; init; }
}

/// <summary>A cluster's membership version: every change of a silo's row increments it, or fails if another changed it first.</summary>
internal sealed class ClusterVersion
{
    public required string ClusterId { get; init; }
    public int Version { get; init; }
    public DateTimeOffset ChangedAt { get; init; }
}

/// <summary>
/// A silo of a cluster, one row per start (its generation). <see cref="Status"/> is Orleans'
/// <c>SiloStatus</c>: 1 created, 2 joining, 3 active, 4 shutting down, 5 stopping, 6 dead.
/// </summary>
internal sealed class ClusterSilo
{
    public const int Active = 3;
    public const int Dead = 6;

    public required string ClusterId { get; init; }
    public required string Address { get; init; }
    public int Port { get; init; }
    public int Generation { get; init; }
    public required string SiloName { get; init; }
    public required string HostName { get; init; }
    public int Status { get; init; }
    /// <summary>The gateway port, 0 without a gateway.</summary>
    public int ProxyPort { get; init; }
    /// <summary>Orleans' votes against this silo: <c>address,time</c> pairs separated by <c>|</c>.</summary>
    public string? SuspectTimes { get; init; }
    public DateTimeOffset StartTime { get; init; }
    public DateTimeOffset IAmAliveTime { get; init; }
}
