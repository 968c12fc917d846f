using System.ComponentModel.DataAnnotations;

namespace TravelPermits.Host.Demo;

/// <summary><c>Permits:Demo</c>: a demo city to try the system with (<c>--demo</c>).</summary>
internal sealed class DemoOptions
{
    public const string Section = "Permits:Demo";

    public bool Enabled { get; set; }

    /// <summary>A GSO catalogue JSON file; Da Nang's wards are taken from it when given.</summary>
    public string? CatalogueFile { get; set; }

    /// <summary>The password of every demo user.</summary>
    [Required]
    public string Password { get; set; } = "DaNang@2021";
}
