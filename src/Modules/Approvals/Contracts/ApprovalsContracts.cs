using System.Data.Common;

namespace TravelPermits.Approvals.Contracts;

/// <summary>A person of an approved list: details approved once and not editable afterwards.</summary>
public sealed record ApprovedPerson(
    Guid EntryId, Guid? EnterpriseId, string CityCode, string WardCode, string FullName, string IdNumber, DateOnly DateOfBirth,
    string Gender, string? Phone, string? Position, string Residence, string? Workplace, DateTimeOffset ApprovedAt);

public interface IApprovedList
{
    /// <summary>The entries among <paramref name="entryIds"/> that are on the enterprise's current approved list.</summary>
    Task<IReadOnlyList<ApprovedPerson>> FindAsync(Guid enterpriseId, IReadOnlyCollection<Guid> entryIds, CancellationToken cancellationToken);

    /// <summary>An approved individual application's entry (no enterprise).</summary>
    Task<ApprovedPerson?> FindIndividualAsync(Guid entryId, CancellationToken cancellationToken);
}

/// <summary>
/// Implemented by the module that issues permits: which of these ID numbers hold a live permit
/// of an enterprise other than <paramref name="enterpriseId"/> (null: any enterprise).
/// </summary>
public interface IPermitHolderLookup
{
    Task<IReadOnlySet<string>> HoldersElsewhereAsync(IReadOnlyCollection<string> idNumbers, Guid? enterpriseId, CancellationToken cancellationToken);

    /// <summary>Which of these ID numbers hold a live permit of any enterprise, or an individual's.</summary>
    Task<IReadOnlySet<string>> LiveHoldersAsync(IReadOnlyCollection<string> idNumbers, CancellationToken cancellationToken);
}

/// <summary>
/// Implemented by the module that issues permits: the permit of an approved individual
/// application, created in the approval's own transaction (it starts waiting for the ward
/// police's stamp where the chain has one). Returns the permit's id.
/// </summary>
public interface IIndividualPermits
{
    Task<Guid> IssueAsync(ApprovedPerson person, DbTransaction transaction, CancellationToken cancellationToken);
}
