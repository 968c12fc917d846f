using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Accounts.Persistence;

internal sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options)
    : IdentityUserContext<AppUser, Guid>(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModelConventions.Apply(configurationBuilder, Database);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.MapPlatformTables();
        builder.Entity<AppUser>(e =>
        {
            e.ToTable("acc_users");
            e.Property(x => x.FullName).HasMaxLength(200);
            e.Property(x => x.Role).HasMaxLength(32);
            e.Property(x => x.CityCode).HasMaxLength(8);
            e.Property(x => x.WardCode).HasMaxLength(8);
            e.HasIndex(x => x.EnterpriseId);
        });
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("acc_user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("acc_user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("acc_user_tokens");
    }
}
