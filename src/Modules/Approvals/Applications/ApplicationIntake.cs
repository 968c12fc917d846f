using Microsoft.EntityFrameworkCore;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Approvals.People;
using TravelPermits.Approvals.Persistence;
using TravelPermits.Approvals.Requests;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.Geography.Contracts;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;
using TravelPermits.SharedKernel.Text;

namespace TravelPermits.Approvals.Applications;

/// <summary>
/// The area police enter a citizen of their own ward: the person is checked as a list's row is,
/// may have no other application under way or approved and no live permit, and the application
/// enters the ward's chain, already verified where the chain has that step (the entry is the
/// verification).
/// </summary>
internal sealed class ApplicationIntake(
    ApprovalsDbContext db, IGeographyDirectory geography, IGrainFactory grains, IEnumerable<IPermitHolderLookup> holders,
    TimeProvider time, ActorAccessor actor)
{
    private static readonly LocalizedText DuplicateApplication = new(
        "Người này đã có hồ sơ đang xử lý hoặc đã được duyệt.", "This person already has an application under way or approved.");

    private static readonly LocalizedText OutsideWard = new(
        "Công an khu vực chỉ nhập hồ sơ của người dân phường/xã mình.", "The area police enter applications of their own ward only.");

    private static readonly LocalizedText NoSuchWard = new("Không có phường/xã với mã này.", "No ward has this code.");

    /// <param name="invalid">What the request's validator found (its own fields), refused with the person's errors in one answer.</param>
    public async Task<ApplicationResponse> SubmitAsync(
        ApplicationRequest body, CallerScope caller, IReadOnlyDictionary<string, string[]> invalid, CancellationToken ct)
    {
        var byField = invalid.ToDictionary(p => p.Key, p => p.Value.ToList());
        var ward = byField.ContainsKey("wardCode") ? null : await geography.FindWardAsync(body.WardCode, ct);
        if (ward is null)
        {
            byField.TryAdd("wardCode", [NoSuchWard.Resolve()]);
        }
        else if (ward.Code != caller.WardCode)
        {
            throw new ProblemException(403, "outside_scope", OutsideWard);
        }
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Cultures.VietnamTime).DateTime);
        var (person, errors) = PersonRules.Check(
            new PersonText(body.FullName, body.IdNumber, body.DateOfBirth, body.Gender, body.Phone, null, body.Address, null),
            today, genderRequired: false);
        if (person is not null && byField.Count == 0 && await OpenOrApprovedAsync(person.IdNumber, ct))
        {
            throw new ProblemException(409, "duplicate_person", DuplicateApplication);
        }
        foreach (var lookup in holders)
        {
            if (person is not null && (await lookup.HoldersElsewhereAsync([person.IdNumber], null, ct)).Count > 0)
            {
                errors.Add(new PersonError(PersonField.IdNumber, PersonRules.Texts.HoldsPermitElsewhere));
            }
        }
        foreach (var error in errors)
        {
            var field = FieldName(error.Field);
            if (!byField.TryGetValue(field, out var messages))
            {
                byField[field] = messages = [];
            }
            messages.Add(error.Message.Resolve());
        }
        if (byField.Count > 0 || ward is null || person is null)
        {
            throw new ProblemException(400, "validation_failed", CommonTexts.ValidationFailed,
                new Dictionary<string, object?> { ["errors"] = byField.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray()) });
        }

        var chain = (await grains.GetGrain<IWardGrain>(ward.Code).GetPolicyAsync()).Chain;
        var request = new Request
        {
            Kind = RequestKind.Individual, CityCode = ward.CityCode, WardCode = ward.Code,
            // Entered by the area police themselves: that is the verification where the chain has one.
            Status = chain.PoliceVerify ? RequestStatus.Verified : RequestStatus.Submitted,
            RequiresVerification = chain.PoliceVerify,
            VerifiedBy = chain.PoliceVerify ? actor.Current.Name : null, VerifiedAt = chain.PoliceVerify ? now : null,
            SubmittedBy = actor.Current.Name, SubmittedAt = now, EntryCount = 1,
        };
        var entry = new Entry
        {
            RequestId = request.Id, Row = 1, FullName = person!.FullName, IdNumber = person.IdNumber, DateOfBirth = person.DateOfBirth,
            Gender = person.Gender, Phone = person.Phone, Residence = person.Residence, Status = EntryStatus.Pending,
            Reason = VietnameseText.Normalize(body.Reason), Destination = VietnameseText.Normalize(body.Destination),
        };
        db.Requests.Add(request);
        db.Entries.Add(entry);
        db.Audit(actor.Current, "application.submitted", "application", request.Id.ToString(), now, new { person.IdNumber }, ward.CityCode, ward.Code);
        await db.SaveChangesAsync(ct);
        return ApplicationResponse.From(request, entry);
    }

    /// <summary>Whether this person has an application under way, or is on the individuals' approved list.</summary>
    private async Task<bool> OpenOrApprovedAsync(string idNumber, CancellationToken ct) =>
        await db.Approved.AnyAsync(a => a.EnterpriseId == null && a.Active && a.IdNumber == idNumber, ct)
        || await (from e in db.Entries
                  join r in db.Requests on e.RequestId equals r.Id
                  where r.Kind == RequestKind.Individual && e.IdNumber == idNumber
                      && (r.Status == RequestStatus.Submitted || r.Status == RequestStatus.Verified)
                  select e.Id).AnyAsync(ct);

    /// <summary>A person's field as the application's JSON names it.</summary>
    private static string FieldName(PersonField field) => field switch
    {
        PersonField.FullName => "fullName",
        PersonField.IdNumber => "idNumber",
        PersonField.DateOfBirth => "dateOfBirth",
        PersonField.Gender => "gender",
        PersonField.Phone => "phone",
        PersonField.Residence => "address",
        _ => field.ToString(),
    };
}
