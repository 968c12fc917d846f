namespace TravelPermits.SharedKernel.Problems;

/// <summary>
/// Nothing was changed and the same call may succeed in a moment: answered as the database's
/// transient failures are, 503 with <c>Retry-After</c>.
/// </summary>
public sealed class TryAgainException(string message) : Exception(message);
