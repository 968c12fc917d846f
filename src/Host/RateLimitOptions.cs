using System.ComponentModel.DataAnnotations;

namespace TravelPermits.Host;

/// <summary><c>Permits:RateLimits</c>: what anonymous callers may do per client address, and concurrent prints.</summary>
internal sealed class RateLimitOptions
{
    public const string Section = "Permits:RateLimits";

    /// <summary>Anonymous writes (self-registration) per minute.</summary>
    [Range(1, int.MaxValue)]
    public int AnonymousWritesPerMinute { get; set; } = 20;

    /// <summary>Anonymous verifications per minute; signed-in callers are not limited.</summary>
    [Range(1, int.MaxValue)]
    public int AnonymousVerifyPerMinute { get; set; } = 120;

    /// <summary>Print jobs run at once (each builds a PDF in memory); 8 more wait.</summary>
    [Range(1, 64)]
    public int ConcurrentPrints { get; set; } = 2;
}
