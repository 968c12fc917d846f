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
/// Implemented by the module that issues permits: the permit of an approved individual application
/// (it starts waiting for the ward police's stamp where the chain has one). The approval records
/// that the permit is due in its own transaction; the permit is written in the issuing module's.
/// </summary>
public interface IIndividualPermits
{
    /// <summary>The refusal the issue would meet now (a <c>ProblemException</c>: <c>duplicate_person</c>), if any; nothing is written.</summary>
    Task CheckAsync(ApprovedPerson person, CancellationToken cancellationToken);

    /// <summary>
    /// The permit of the application whose entry is <paramref name="person"/>'s: written once, however
    /// often it is asked for (the same id each time). 409 <c>duplicate_person</c> when the person has
    /// come to hold another live permit.
    /// </summary>
    Task<Guid> IssueAsync(ApprovedPerson person, CancellationToken cancellationToken);
}

/// <summary>Enterprises' requests and individual applications by status, counted for <c>GET /api/v1/stats</c>.</summary>
public sealed record RequestFigures(IReadOnlyDictionary<RequestStatus, int> Requests, IReadOnlyDictionary<RequestStatus, int> Applications);

public interface IRequestFigures
{
    /// <summary>Applications belong to no enterprise: a scope naming one counts none of them.</summary>
    Task<RequestFigures> CountAsync(SharedKernel.Figures.FigureScope scope, CancellationToken cancellationToken);
}
