using Microsoft.EntityFrameworkCore;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Approvals.Persistence;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Outbox;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Approvals.Chain;

internal sealed record QuotaRaise(int? RatioPercent, int? Quota);

/// <summary>
/// The ward's chain: <c>submitted -&gt; [verified] -&gt; approved | partially_approved | rejected</c>.
/// Every step is a guarded transition (it applies only from the state it expects, so two
/// officials cannot both decide), audited, and its email is queued in the same transaction.
/// </summary>
internal sealed class ChainService(
    ApprovalsDbContext db, IGrainFactory grains, IEnumerable<IIndividualPermits> individualPermits, ApprovalFollowUps followUps,
    TimeProvider time, ActorAccessor actor)
{
    public async Task VerifyAsync(Request request, CancellationToken ct)
    {
        if (!request.RequiresVerification)
        {
            throw ProblemException.Conflict("invalid_transition", Texts.NoVerification);
        }
        var now = time.GetUtcNow();
        var by = actor.Current.Name;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await MoveAsync(request, RequestStatus.Submitted, RequestStatus.Verified, Texts.Verify, s => s
            .SetProperty(r => r.VerifiedBy, by).SetProperty(r => r.VerifiedAt, now), ct);
        request.VerifiedBy = by;
        request.VerifiedAt = now;
        db.Audit(actor.Current, $"{Noun(request)}.verified", Noun(request), request.Id.ToString(), now, null, request.CityCode, request.WardCode);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    public async Task ApproveAsync(Request request, IReadOnlyCollection<Guid>? entryIds, QuotaRaise? quota, CancellationToken ct)
    {
        var from = request.RequiresVerification ? RequestStatus.Verified : RequestStatus.Submitted;
        if (request.Status != from)
        {
            throw ProblemException.InvalidTransition(request.Status.WireName(), Texts.Approve.Resolve());
        }
        var all = await db.Entries.AsNoTracking().Where(e => e.RequestId == request.Id).OrderBy(e => e.Row).ToListAsync(ct);
        var chosen = entryIds is null ? all : all.Where(e => entryIds.Contains(e.Id)).ToList();
        if (entryIds is not null && (entryIds.Count == 0 || chosen.Count != entryIds.Distinct().Count()))
        {
            throw ProblemException.Invalid("entryIds", Texts.UnknownEntries);
        }
        var now = time.GetUtcNow();
        var by = actor.Current.Name;
        var to = chosen.Count == all.Count ? RequestStatus.Approved : RequestStatus.PartiallyApproved;
        var approvedIds = chosen.Select(e => e.Id).ToHashSet();
        // What the other modules will be asked once the approval is written, checked now: a refusal
        // (quota under the places in use, a person who holds a live permit) changes nothing here either.
        var followUp = FollowUpOf(request, quota, chosen, now);
        if (followUp?.Kind == FollowUp.QuotaChange)
        {
            await grains.GetGrain<IEnterpriseGrain>(followUp.EnterpriseId!.Value).CheckQuotaChangeAsync(QuotaChangeOf(followUp));
        }
        if (followUp?.Kind == FollowUp.IndividualPermit)
        {
            foreach (var issuer in individualPermits)
            {
                await issuer.CheckAsync(PersonOf(request, chosen.Single(), now), ct);
            }
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await MoveAsync(request, from, to, Texts.Approve, s => s
            .SetProperty(r => r.DecidedBy, by).SetProperty(r => r.DecidedAt, now), ct);
        await LockApprovedListAsync(request.EnterpriseId, ct);
        if (request.Kind == RequestKind.Addition)
        {
            // Under the lock: another addition with the same people may have been approved since this one was uploaded.
            await RefuseAlreadyApprovedAsync(request, chosen, ct);
        }
        await db.Entries.Where(e => e.RequestId == request.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EntryStatus.Rejected), ct);
        foreach (var chunk in approvedIds.Chunk(500))
        {
            await db.Entries.Where(e => chunk.Contains(e.Id)).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EntryStatus.Approved), ct);
        }

        // The approved list: a replacement replaces it whole; an addition only adds (its people are not on it, checked above).
        if (request.Kind == RequestKind.Replacement)
        {
            await db.Approved.Where(a => a.EnterpriseId == request.EnterpriseId && a.Active)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Active, false).SetProperty(a => a.ReplacedAt, now), ct);
        }
        var approvedEntries = chosen.Select(e => new ApprovedEntry
        {
            EntryId = e.Id, EnterpriseId = request.EnterpriseId, RequestId = request.Id, CityCode = request.CityCode, WardCode = request.WardCode,
            FullName = e.FullName, IdNumber = e.IdNumber, DateOfBirth = e.DateOfBirth, Gender = e.Gender, Phone = e.Phone,
            Position = e.Position, Residence = e.Residence, Workplace = e.Workplace, ApprovedAt = now,
        }).ToList();
        db.Approved.AddRange(approvedEntries);
        if (followUp is not null)
        {
            // The quota change, or the citizen's permit, is due from the moment the approval is written.
            db.FollowUps.Add(followUp);
        }
        request.DecidedBy = by;
        request.DecidedAt = now;
        db.Audit(actor.Current, $"{Noun(request)}.{to.WireName()}", Noun(request), request.Id.ToString(), now,
            new { approved = chosen.Count, of = all.Count, quota }, request.CityCode, request.WardCode);
        if (request.NotifyEmail is { } email)
        {
            var (subject, body) = ApprovalEmails.Approved(request, chosen.Count, all.Count);
            db.EnqueueEmail(email, subject, body, now);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (followUp is not null && await followUps.TryCompleteAsync(followUp, ct) is { } permitId)
        {
            request.PermitId = permitId;
        }
    }

    /// <summary>What the approval leaves for another module: the quota change asked with it, or an individual's permit.</summary>
    private static FollowUp? FollowUpOf(Request request, QuotaRaise? quota, IReadOnlyList<Entry> chosen, DateTimeOffset now) =>
        request.Kind == RequestKind.Individual
            ? new FollowUp { RequestId = request.Id, Kind = FollowUp.IndividualPermit, EntryId = chosen.Single().Id, CreatedAt = now }
            : quota is not null && request.EnterpriseId is { } enterpriseId
                ? new FollowUp
                {
                    RequestId = request.Id, Kind = FollowUp.QuotaChange, EnterpriseId = enterpriseId, RatioPercent = quota.RatioPercent,
                    Quota = quota.Quota, Reason = Texts.QuotaReason.Format(request.Id).Resolve(), CreatedAt = now,
                }
                : null;

    private static QuotaChange QuotaChangeOf(FollowUp followUp) => new(null, followUp.RatioPercent, followUp.Quota, followUp.Reason!);

    private static ApprovedPerson PersonOf(Request request, Entry e, DateTimeOffset now) =>
        new(e.Id, null, request.CityCode, request.WardCode, e.FullName, e.IdNumber, e.DateOfBirth, e.Gender, e.Phone, e.Position,
            e.Residence, e.Workplace, now);

    public async Task RejectAsync(Request request, string reason, CancellationToken ct)
    {
        var from = request.Status is RequestStatus.Submitted or RequestStatus.Verified
            ? request.Status
            : throw ProblemException.InvalidTransition(request.Status.WireName(), Texts.Reject.Resolve());
        reason = VietnameseText.Normalize(reason);
        var now = time.GetUtcNow();
        var by = actor.Current.Name;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await MoveAsync(request, from, RequestStatus.Rejected, Texts.Reject, s => s
            .SetProperty(r => r.DecidedBy, by).SetProperty(r => r.DecidedAt, now).SetProperty(r => r.RejectionReason, reason), ct);
        await db.Entries.Where(e => e.RequestId == request.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.Status, EntryStatus.Rejected), ct);
        request.DecidedBy = by;
        request.DecidedAt = now;
        request.RejectionReason = reason;
        db.Audit(actor.Current, $"{Noun(request)}.rejected", Noun(request), request.Id.ToString(), now, new { reason }, request.CityCode, request.WardCode);
        if (request.NotifyEmail is { } email)
        {
            var (subject, body) = ApprovalEmails.Rejected(request, reason);
            db.EnqueueEmail(email, subject, body, now);
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// An addition never edits approved details: approving entries whose person is already on the
    /// enterprise's approved list (approved by another addition since this one was uploaded) is a
    /// 409 <c>already_approved</c> naming them, so the approver can approve the rest with <c>entryIds</c>.
    /// </summary>
    private async Task RefuseAlreadyApprovedAsync(Request request, IReadOnlyList<Entry> chosen, CancellationToken ct)
    {
        var approved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in chosen.Select(e => e.IdNumber).Chunk(500))
        {
            approved.UnionWith(await db.Approved.AsNoTracking()
                .Where(a => a.EnterpriseId == request.EnterpriseId && a.Active && chunk.Contains(a.IdNumber))
                .Select(a => a.IdNumber).ToListAsync(ct));
        }
        var repeated = chosen.Where(e => approved.Contains(e.IdNumber)).ToList();
        if (repeated.Count > 0)
        {
            var rows = repeated.Select(e => e.Row).ToList();
            var named = string.Join(", ", rows.Take(20)) + (rows.Count > 20 ? ", ..." : ""); // all of them are in `rows`
            throw new ProblemException(409, "already_approved", Texts.AlreadyApproved.Format(repeated.Count, named),
                new Dictionary<string, object?> { ["entryIds"] = repeated.Select(e => e.Id).ToList(), ["rows"] = rows });
        }
    }

    private async Task MoveAsync(Request request, RequestStatus from, RequestStatus to, LocalizedText action,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<Request>> also, CancellationToken ct)
    {
        var moved = await db.Requests.Where(r => r.Id == request.Id && r.Status == from)
            .ExecuteUpdateAsync(s =>
            {
                s.SetProperty(r => r.Status, to);
                also(s);
            }, ct);
        if (moved == 0)
        {
            var current = await db.Requests.AsNoTracking().Where(r => r.Id == request.Id).Select(r => r.Status).FirstAsync(ct);
            throw ProblemException.InvalidTransition(current.WireName(), action.Resolve());
        }
        request.Status = to;
    }

    /// <summary>
    /// Serialises changes of one approved list: two approvals for the same enterprise at once
    /// would otherwise both see the old list and both add theirs (PostgreSQL reads committed data;
    /// SQLite serialises writers anyway).
    /// </summary>
    private async Task LockApprovedListAsync(Guid? enterpriseId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var key = $"approved-list:{enterpriseId?.ToString() ?? "individuals"}";
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", ct);
        }
    }

    private static string Noun(Request request) => request.Kind == RequestKind.Individual ? "application" : "request";

    private static class Texts
    {
        public static readonly LocalizedText Verify = new("xác minh", "verify");
        public static readonly LocalizedText Approve = new("duyệt", "approve");
        public static readonly LocalizedText Reject = new("từ chối", "reject");
        public static readonly LocalizedText NoVerification = new(
            "Quy trình của phường/xã này không có bước xác minh của công an khu vực.", "This ward's chain has no verification by the area police.");
        public static readonly LocalizedText UnknownEntries = new(
            "entryIds phải là các dòng của chính danh sách này.", "entryIds must be entries of this request.");
        public static readonly LocalizedText AlreadyApproved = new(
            "Đã có trong danh sách được duyệt của doanh nghiệp: {0} người (dòng {1}). Chưa có gì thay đổi; duyệt các dòng còn lại bằng entryIds.",
            "Already on the enterprise's approved list: {0} of the entries (rows {1}). Nothing was changed; approve the other entries with entryIds.");
        public static readonly LocalizedText QuotaReason = new("Nâng hạn mức khi duyệt danh sách {0}", "Quota raised when approving request {0}");
    }
}
