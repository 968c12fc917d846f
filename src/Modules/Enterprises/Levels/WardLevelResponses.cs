namespace TravelPermits.Enterprises.Levels;

/// <summary>
/// A decision on a ward's level: the contract's <c>{ code, level, lockdown, reason, since }</c> (since:
/// when it is, or will be, in force), then who took it and when, and whether it is in force now.
/// </summary>
internal sealed record WardLevelResponse(
    string Code, int Level, bool Lockdown, string Reason, DateTimeOffset Since, Guid Id, DateTimeOffset SetAt, string SetBy, bool InForce);

/// <summary>
/// A ward's level in force (level 1, no lockdown, no reason nor since for a ward never assessed) and
/// a page of its decisions, the latest recorded first.
/// </summary>
internal sealed record WardLevelHistoryResponse(
    string Code, string Name, string CityCode, int Level, bool Lockdown, string? Reason, DateTimeOffset? Since,
    IReadOnlyList<WardLevelResponse> Items, string? NextCursor);
