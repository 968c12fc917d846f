using FluentValidation;
using TravelPermits.Enterprises.Contracts;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Accounts.Contracts;
using TravelPermits.Enterprises.Persistence;
using TravelPermits.Enterprises.Policies;
using TravelPermits.Enterprises.Quota;
using TravelPermits.Enterprises.Validation;
using TravelPermits.Geography.Contracts;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Outbox;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Enterprises.Registration;

/// <summary>
/// Registration (by an official: active at once; by the enterprise itself: pending), activation
/// and rejection. Each writes its audit line and its emails in the same transaction.
/// </summary>
internal sealed class EnterpriseRegistrar(
    EnterprisesDbContext db,
    IGeographyDirectory geography,
    WardPolicyStore policies,
    IEnterpriseAccounts accounts,
    IAccountAdministration users,
    TimeProvider time,
    ActorAccessor actor,
    IValidator<RegisterEnterpriseRequest> validator,
    Microsoft.AspNetCore.Http.IHttpContextAccessor http) : IEnterpriseRegistration
{
    public async Task<Guid> RegisterAsync(NewEnterprise enterprise, CancellationToken cancellationToken)
    {
        var request = new RegisterEnterpriseRequest(enterprise.Name, enterprise.TaxCode, enterprise.WardCode, enterprise.Address,
            enterprise.ContactEmail, enterprise.ContactPhone, enterprise.Workforce);
        await validator.ValidateAsync(RegisterEnterpriseRequestValidator.ContextFor(request, geography), cancellationToken);
        var system = new CallerScope(null, null, Roles.Admin, null, null, null);
        return (await RegisterAsync(request, system, selfRegistration: false, cancellationToken)).Id;
    }

    public async Task<Enterprise> RegisterAsync(RegisterEnterpriseRequest request, CallerScope caller, bool selfRegistration, CancellationToken ct)
    {
        // The validator found the ward; this reads where it is (and refuses it if the catalogue lost it since).
        var ward = await geography.FindWardAsync(request.WardCode, ct)
            ?? throw ProblemException.Invalid("wardCode", EnterpriseTexts.UnknownWard);
        if (!selfRegistration && !caller.Covers(ward.CityCode, ward.Code))
        {
            throw new ProblemException(403, "outside_scope", EnterpriseTexts.OutsideWard);
        }
        var taxCode = TaxCode.Normalize(request.TaxCode)!;
        var existing = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.TaxCode == taxCode && e.Status != EnterpriseStatus.Rejected, ct);
        // An official's registration takes over a self-registration nobody has decided on yet, so that
        // an anonymous registration cannot hold a tax code hostage; but only one within the official's
        // own area: elsewhere it is a duplicate like any other, left to the officials of its ward.
        var superseded = existing is { Status: EnterpriseStatus.Pending } && !selfRegistration && caller.Covers(existing.CityCode, existing.WardCode)
            ? existing
            : null;
        if (existing is not null && superseded is null)
        {
            throw ProblemException.Conflict("duplicate_tax_code", EnterpriseTexts.DuplicateTaxCode);
        }
        var contactEmail = request.ContactEmail.Trim();
        await EnsureNoAccountAsync(contactEmail, EnterpriseTexts.ContactEmailInUse, ct);

        // Read in the module, not through the ward's grain: the demo registers enterprises at start, before the silo runs.
        var ratio = (await policies.ReadAsync(ward.Code, ct)).RatioPercent;
        var now = time.GetUtcNow();
        var name = VietnameseText.Normalize(request.Name);
        var enterprise = new Enterprise
        {
            Name = name,
            SearchKey = SearchKeyOf(name, taxCode),
            TaxCode = taxCode,
            CityCode = ward.CityCode,
            WardCode = ward.Code,
            Address = VietnameseText.Normalize(request.Address),
            ContactEmail = contactEmail,
            ContactPhone = VietnamesePhone.Normalize(request.ContactPhone)!,
            Workforce = request.Workforce,
            RatioPercent = ratio,
            Quota = QuotaMath.Quota(request.Workforce, ratio, null),
            Status = selfRegistration ? EnterpriseStatus.Pending : EnterpriseStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
        };
        // The rejection of the superseded registration and the new one stand or fall together.
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            if (superseded is not null)
            {
                await RejectPendingAsync(superseded, EnterpriseTexts.Superseded.Resolve(), now, ct);
            }
            db.Enterprises.Add(enterprise);
            db.Audit(actor.Current, selfRegistration ? "enterprise.registration_received" : "enterprise.registered", "enterprise",
                enterprise.Id.ToString(), now, new { enterprise.Name, enterprise.TaxCode, enterprise.Status, enterprise.Quota },
                enterprise.CityCode, enterprise.WardCode);
            var (subject, body) = EnterpriseEmails.Registered(enterprise);
            db.EnqueueEmail(enterprise.ContactEmail, subject, body, now);
            await SaveUniqueAsync(ct);
            await transaction.CommitAsync(ct);
        }
        db.Entry(enterprise).State = EntityState.Detached;

        if (!selfRegistration)
        {
            await InviteAccountAsync(enterprise, ct);
        }
        return enterprise;
    }

    /// <summary>
    /// Activates a pending registration and invites its account. Only <see cref="Grains.EnterpriseGrain"/>
    /// calls it; the caller's scope was checked before the grain was asked.
    /// </summary>
    public async Task ActivateAsync(Guid id, CancellationToken ct)
    {
        var enterprise = await FindAsync(id, ct);
        if (enterprise.Status == EnterpriseStatus.Pending)
        {
            // Its account is created with the contact email: one taken since the registration would leave it without one.
            await EnsureNoAccountAsync(enterprise.ContactEmail, EnterpriseTexts.ContactEmailTaken, ct);
        }
        var now = time.GetUtcNow();
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await TransitionAsync(enterprise, EnterpriseStatus.Active, null, EnterpriseTexts.Activate.Resolve(), now, ct);
            db.Audit(actor.Current, "enterprise.activated", "enterprise", enterprise.Id.ToString(), now, null, enterprise.CityCode, enterprise.WardCode);
            var (subject, body) = EnterpriseEmails.Activated(enterprise);
            db.EnqueueEmail(enterprise.ContactEmail, subject, body, now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        await InviteAccountAsync(enterprise, ct);
    }

    /// <summary>Rejects a pending registration, with the reason emailed. Only <see cref="Grains.EnterpriseGrain"/> calls it.</summary>
    public async Task RejectAsync(Guid id, string reason, CancellationToken ct)
    {
        var enterprise = await FindAsync(id, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await RejectPendingAsync(enterprise, reason, time.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<Enterprise> FindAsync(Guid id, CancellationToken ct) =>
        await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct)
        ?? throw ProblemException.NotFound(EnterpriseTexts.Enterprise);

    /// <summary>Rejects, audits and queues the email in the caller's transaction; the caller saves.</summary>
    private async Task RejectPendingAsync(Enterprise enterprise, string reason, DateTimeOffset now, CancellationToken ct)
    {
        reason = VietnameseText.Normalize(reason);
        await TransitionAsync(enterprise, EnterpriseStatus.Rejected, reason, EnterpriseTexts.Reject.Resolve(), now, ct);
        db.Audit(actor.Current, "enterprise.rejected", "enterprise", enterprise.Id.ToString(), now, new { reason }, enterprise.CityCode, enterprise.WardCode);
        var (subject, body) = EnterpriseEmails.Rejected(enterprise, reason);
        db.EnqueueEmail(enterprise.ContactEmail, subject, body, now);
    }

    /// <summary>
    /// 409 when the email already signs someone in: the enterprise's account could not have it, and
    /// the enterprise would be left without one.
    /// </summary>
    private async Task EnsureNoAccountAsync(string email, LocalizedText refusal, CancellationToken ct)
    {
        if (await users.ExistsAsync(email, ct))
        {
            throw ProblemException.Conflict("contact_email_in_use", refusal);
        }
    }

    public static string SearchKeyOf(string name, string taxCode) => $"{VietnameseText.Fold(name)} {taxCode}";

    /// <summary>A guarded transition from pending: the update applies only if nobody decided first.</summary>
    private async Task TransitionAsync(Enterprise enterprise, EnterpriseStatus to, string? reason, string action, DateTimeOffset now, CancellationToken ct)
    {
        var changed = await db.Enterprises
            .Where(e => e.Id == enterprise.Id && e.Status == EnterpriseStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, to)
                .SetProperty(e => e.RejectionReason, reason)
                .SetProperty(e => e.UpdatedAt, now), ct);
        if (changed == 0)
        {
            throw ProblemException.InvalidTransition(enterprise.Status.Name(), action);
        }
        db.Entry(enterprise).State = EntityState.Detached;
        enterprise.Status = to;
        enterprise.RejectionReason = reason;
        enterprise.UpdatedAt = now;
    }

    /// <summary>
    /// Creates the enterprise's account and emails the invitation. The contact email was checked
    /// first; should an account have taken it in between, the Accounts module audits the failure.
    /// </summary>
    private async Task InviteAccountAsync(Enterprise enterprise, CancellationToken ct)
    {
        var invited = await accounts.InviteAsync(
            new EnterpriseAccountInvitation(enterprise.ContactEmail, enterprise.Name, enterprise.Id, enterprise.CityCode, enterprise.WardCode), ct);
        if (invited is null)
        {
            return;
        }
        var now = time.GetUtcNow();
        await db.Enterprises.Where(e => e.Id == enterprise.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.AccountId, invited.UserId), ct);
        enterprise.AccountId = invited.UserId;
        var (subject, body) = EnterpriseEmails.Invitation(enterprise, invited, http.HttpContext?.Request);
        db.EnqueueEmail(enterprise.ContactEmail, subject, body, now);
        await db.SaveChangesAsync(ct);
    }

    private async Task SaveUniqueAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            throw ProblemException.Conflict("duplicate_tax_code", EnterpriseTexts.DuplicateTaxCode);
        }
    }
}
