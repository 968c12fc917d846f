using TravelPermits.Enterprises.Contracts;

namespace TravelPermits.Enterprises;

/// <summary>
/// The status as the contract and the database spell it (<c>"pending"</c>, <c>"active"</c>,
/// <c>"rejected"</c>): the same names as <see cref="EnterpriseStatus"/>'s JSON.
/// </summary>
internal static class EnterpriseStatusNames
{
    public static string Name(this EnterpriseStatus status) => status switch
    {
        EnterpriseStatus.Pending => "pending",
        EnterpriseStatus.Active => "active",
        EnterpriseStatus.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The status of this exact name, or null (names are lower case, as the contract writes them).</summary>
    public static EnterpriseStatus? Find(string? name) => name switch
    {
        "pending" => EnterpriseStatus.Pending,
        "active" => EnterpriseStatus.Active,
        "rejected" => EnterpriseStatus.Rejected,
        _ => null,
    };

    /// <summary>The status stored under this name; a name the database should not hold is an error.</summary>
    public static EnterpriseStatus Parse(string name) =>
        Find(name) ?? throw new InvalidOperationException($"Unknown enterprise status '{name}'.");
}
