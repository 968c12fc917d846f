namespace TravelPermits.SharedKernel.Idempotency;

/// <summary>A stored first answer to a POST with an <c>Idempotency-Key</c> (table <c>platform_idempotency</c>).</summary>
internal sealed class StoredResponse
{
    public required string Scope { get; init; }
    public required string Key { get; init; }
    public required string RequestHash { get; init; }
    public int StatusCode { get; init; }
    public string? ContentType { get; init; }
    public required byte[] Body { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
