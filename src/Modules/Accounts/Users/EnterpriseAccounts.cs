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
            // The enterprise module refuses such a contact email up front; one taken in between is left for an admin to see.
            db.Audit(actor.Current, "user.invitation_failed", "enterprise", invitation.EnterpriseId.ToString(), time.GetUtcNow(),
                new { email, errors = new[] { nameof(IdentityErrorDescriber.DuplicateEmail) } }, invitation.CityCode, invitation.WardCode);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        var user = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            FullName = Shorten(VietnameseText.Normalize(invitation.FullName), 200),
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
            // e.g. an email Identity will not take as a user name: the enterprise stays as it is, an admin creates the account.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            db.Audit(actor.Current, "user.invitation_failed", "enterprise", invitation.EnterpriseId.ToString(), time.GetUtcNow(),
                new { email, errors = created.Errors.Select(e => e.Code) }, invitation.CityCode, invitation.WardCode);
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        db.Audit(actor.Current, "user.invited", "user", user.Id.ToString(), time.GetUtcNow(),
            new { user.Email, user.Role, user.EnterpriseId }, user.CityCode, user.WardCode);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new InvitedAccount(user.Id, email, await users.GeneratePasswordResetTokenAsync(user));
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length];
}
