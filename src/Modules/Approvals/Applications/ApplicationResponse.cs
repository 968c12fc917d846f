using TravelPermits.Approvals.Contracts;
using TravelPermits.Approvals.Persistence;

namespace TravelPermits.Approvals.Applications;

/// <summary>An individual application as the API shows it: the request's state and its one person, flattened.</summary>
internal sealed record ApplicationResponse(
    Guid Id, RequestStatus Status, Guid EntryId, string FullName, string IdNumber, DateOnly DateOfBirth, string? Gender, string? Phone,
    string Address, string WardCode, string? Reason, string? Destination, bool RequiresVerification, string? RejectionReason,
    string SubmittedBy, DateTimeOffset SubmittedAt, string? DecidedBy, DateTimeOffset? DecidedAt, Guid? PermitId)
{
    public static ApplicationResponse From(Request r, Entry e) => new(
        r.Id, r.Status, e.Id, e.FullName, e.IdNumber, e.DateOfBirth, e.Gender.Length == 0 ? null : e.Gender, e.Phone, e.Residence,
        r.WardCode, e.Reason, e.Destination, r.RequiresVerification, r.RejectionReason, r.SubmittedBy, r.SubmittedAt, r.DecidedBy, r.DecidedAt,
        r.PermitId);
}
