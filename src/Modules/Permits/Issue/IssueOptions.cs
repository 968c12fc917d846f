namespace TravelPermits.Permits.Issue;

/// <summary>Settings of issuance, section <c>Permits:Permits</c>.</summary>
internal sealed class IssueOptions
{
    public const string Section = "Permits:Permits";

    /// <summary>While no validity period is current, a permit is valid for this many days from issuance.</summary>
    public int DefaultValidityDays { get; set; } = 14;

    public DateTimeOffset DefaultValidTo(DateTimeOffset now) => now.AddDays(DefaultValidityDays);

    /// <summary>Why the settings cannot be used, naming the key; null when they can.</summary>
    public string? Problem() => DefaultValidityDays is < 1 or > 366
        ? $"{Section}:DefaultValidityDays must be a number of days from 1 to 366; it is {DefaultValidityDays}."
        : null;
}
