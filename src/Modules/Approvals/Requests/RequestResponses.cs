using TravelPermits.Approvals.Contracts;
using TravelPermits.Approvals.Persistence;

namespace TravelPermits.Approvals.Requests;

internal sealed record EntryResponse(
    Guid Id, int Row, string FullName, string IdNumber, DateOnly DateOfBirth, string Gender, string? Phone, string? Position,
    string Residence, string? Workplace, EntryStatus Status)
{
    public static EntryResponse From(Entry e) =>
        new(e.Id, e.Row, e.FullName, e.IdNumber, e.DateOfBirth, e.Gender, e.Phone, e.Position, e.Residence, e.Workplace, e.Status);
}

internal sealed record RequestResponse(
    Guid Id, RequestKind Kind, RequestStatus Status, Guid? EnterpriseId, string CityCode, string WardCode, bool RequiresVerification, string? Note,
    string? RejectionReason, string SubmittedBy, DateTimeOffset SubmittedAt, string? VerifiedBy, DateTimeOffset? VerifiedAt,
    string? DecidedBy, DateTimeOffset? DecidedAt, int EntryCount, string? FileName, IReadOnlyList<EntryResponse>? Entries)
{
    public static RequestResponse From(Request r, IReadOnlyList<Entry>? entries) => new(
        r.Id, r.Kind, r.Status, r.EnterpriseId, r.CityCode, r.WardCode, r.RequiresVerification, r.Note, r.RejectionReason,
        r.SubmittedBy, r.SubmittedAt, r.VerifiedBy, r.VerifiedAt, r.DecidedBy, r.DecidedAt, r.EntryCount, r.FileName,
        entries?.Select(EntryResponse.From).ToList());
}

internal sealed record RowError(int Row, string Column, string ColumnName, string Message);
