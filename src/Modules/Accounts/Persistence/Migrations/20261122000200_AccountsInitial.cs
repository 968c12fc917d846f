using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TravelPermits.SharedKernel.Persistence;

namespace TravelPermits.Accounts.Persistence.Migrations;

[DbContext(typeof(AccountsDbContext))]
[Migration("20261122000200_AccountsInitial")]
internal sealed class AccountsInitial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var instant = migrationBuilder.InstantType();
        migrationBuilder.CreateTable(
            name: "acc_users",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                FullName = table.Column<string>(maxLength: 200, nullable: false),
                Role = table.Column<string>(maxLength: 32, nullable: false),
                CityCode = table.Column<string>(maxLength: 8, nullable: true),
                WardCode = table.Column<string>(maxLength: 8, nullable: true),
                EnterpriseId = table.Column<Guid>(nullable: true),
                CreatedAt = table.Column<DateTimeOffset>(type: instant, nullable: false),
                UserName = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedUserName = table.Column<string>(maxLength: 256, nullable: true),
                Email = table.Column<string>(maxLength: 256, nullable: true),
                NormalizedEmail = table.Column<string>(maxLength: 256, nullable: true),
                EmailConfirmed = table.Column<bool>(nullable: false),
                PasswordHash = table.Column<string>(nullable: true),
                SecurityStamp = table.Column<string>(nullable: true),
                ConcurrencyStamp = table.Column<string>(nullable: true),
                PhoneNumber = table.Column<string>(nullable: true),
                PhoneNumberConfirmed = table.Column<bool>(nullable: false),
                TwoFactorEnabled = table.Column<bool>(nullable: false),
                LockoutEnd = table.Column<DateTimeOffset>(type: instant, nullable: true),
                LockoutEnabled = table.Column<bool>(nullable: false),
                AccessFailedCount = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_acc_users", x => x.Id));
        migrationBuilder.CreateIndex("EmailIndex", "acc_users", "NormalizedEmail");
        migrationBuilder.CreateIndex("UserNameIndex", "acc_users", "NormalizedUserName", unique: true);
        migrationBuilder.CreateIndex("ix_acc_users_enterprise", "acc_users", "EnterpriseId");

        migrationBuilder.CreateTable(
            name: "acc_user_claims",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                UserId = table.Column<Guid>(nullable: false),
                ClaimType = table.Column<string>(nullable: true),
                ClaimValue = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_acc_user_claims", x => x.Id);
                table.ForeignKey("FK_acc_user_claims_acc_users_UserId", x => x.UserId, "acc_users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_acc_user_claims_UserId", "acc_user_claims", "UserId");

        migrationBuilder.CreateTable(
            name: "acc_user_logins",
            columns: table => new
            {
                LoginProvider = table.Column<string>(nullable: false),
                ProviderKey = table.Column<string>(nullable: false),
                ProviderDisplayName = table.Column<string>(nullable: true),
                UserId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_acc_user_logins", x => new { x.LoginProvider, x.ProviderKey });
                table.ForeignKey("FK_acc_user_logins_acc_users_UserId", x => x.UserId, "acc_users", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_acc_user_logins_UserId", "acc_user_logins", "UserId");

        migrationBuilder.CreateTable(
            name: "acc_user_tokens",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                LoginProvider = table.Column<string>(nullable: false),
                Name = table.Column<string>(nullable: false),
                Value = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_acc_user_tokens", x => new { x.UserId, x.LoginProvider, x.Name });
                table.ForeignKey("FK_acc_user_tokens_acc_users_UserId", x => x.UserId, "acc_users", "Id", onDelete: ReferentialAction.Cascade);
            });
    }
}
