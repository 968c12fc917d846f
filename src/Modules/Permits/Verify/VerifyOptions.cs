namespace TravelPermits.Permits.Verify;

/// <summary>
/// <c>Permits:Verify</c>: the verification path's memory and connections (ADR 0010). Checked
/// when the Host starts: a value out of range stops it, naming the key.
/// </summary>
internal sealed class VerifyOptions
{
    public const string Section = "Permits:Verify";

    /// <summary>Tokens whose signature this instance remembers as checked (about 70 bytes each); 0 turns it off.</summary>
    public int SignatureCacheSize { get; set; } = 250_000;

    /// <summary>PostgreSQL only: connections kept open to read permits for verification.</summary>
    public int Readers { get; set; } = 2;

    /// <summary>PostgreSQL only: the most permits read in one query.</summary>
    public int MaxBatch { get; set; } = 256;

    /// <summary>Why the settings cannot be used, naming the key; null when they can.</summary>
    public string? Problem() =>
        SignatureCacheSize < 0 ? $"{Section}:SignatureCacheSize must be 0 (off) or more; it is {SignatureCacheSize}."
        : Readers is < 1 or > 64 ? $"{Section}:Readers must be from 1 to 64; it is {Readers}."
        : MaxBatch is < 1 or > 10_000 ? $"{Section}:MaxBatch must be from 1 to 10000; it is {MaxBatch}."
        : null;
}
