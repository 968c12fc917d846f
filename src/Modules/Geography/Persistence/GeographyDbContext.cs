using Microsoft.EntityFrameworkCore;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Geography.Persistence;

internal sealed class GeographyDbContext(DbContextOptions<GeographyDbContext> options) : DbContext(options)
{
    public DbSet<City> Cities => Set<City>();
    public DbSet<District> Districts => Set<District>();
    public DbSet<Ward> Wards => Set<Ward>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModelConventions.Apply(configurationBuilder, Database);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.MapPlatformTables();
        modelBuilder.Entity<City>(e =>
        {
            e.ToTable("geo_cities");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(8);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Type).HasMaxLength(100);
        });
        modelBuilder.Entity<District>(e =>
        {
            e.ToTable("geo_districts");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(8);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Type).HasMaxLength(100);
            e.Property(x => x.CityCode).HasMaxLength(8);
            e.HasIndex(x => x.CityCode);
        });
        modelBuilder.Entity<Ward>(e =>
        {
            e.ToTable("geo_wards");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(8);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Type).HasMaxLength(100);
            e.Property(x => x.DistrictCode).HasMaxLength(8);
            e.Property(x => x.CityCode).HasMaxLength(8);
            e.HasIndex(x => x.CityCode);
            e.HasIndex(x => x.DistrictCode);
        });
    }
}

internal sealed class City
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Type { get; set; }
}

internal sealed class District
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Type { get; set; }
    public required string CityCode { get; set; }
}

internal sealed class Ward
{
    public required string Code { get; init; }
    public required string Name { get; set; }
    public required string Type { get; set; }
    public required string DistrictCode { get; set; }
    public required string CityCode { get; set; }
}
