using Microsoft.AspNetCore.Identity;
using TravelPermits.Accounts.Contracts;
using TravelPermits.Accounts.Persistence;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Accounts.Users;

internal sealed class EnterpriseAccounts(
    AccountsDbContext db, UserManager<AppUser> users, TimeProvider time, ActorAccessor actor) : IEnterpriseAccounts
{
    public async Task<InvitedAccount?> InviteAsync(EnterpriseAccountInvitation invitation, CancellationToken cancellationToken)
    {
        var email = invitation.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return null;
        }
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = VietnameseText.Normalize(invitation.FullName),
            Role = Roles.Enterprise,
            CityCode = invitation.CityCode,
            WardCode = invitation.WardCode,
            EnterpriseId = invitation.EnterpriseId,
            CreatedAt = time.GetUtcNow(),
            LockoutEnabled = true,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return null;
        }
        db.Audit(actor.Current, "user.invited", "user", user.Id.ToString(), time.GetUtcNow(),
            new { user.Email, user.Role, user.EnterpriseId }, user.CityCode, user.WardCode);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new InvitedAccount(user.Id, email, await users.GeneratePasswordResetTokenAsync(user));
    }
}
