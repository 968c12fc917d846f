using System.ComponentModel.DataAnnotations;

namespace TravelPermits.Host.Silo;

/// <summary>
/// <c>Permits:Silo</c>: where this Host's Orleans silo listens and what it tells the others. Hosts
/// of one PostgreSQL database form one cluster; a SQLite Host is a cluster of one.
/// </summary>
internal sealed class SiloOptions
{
    public const string Section = "Permits:Silo";

    /// <summary>Hosts of one database with the same cluster id form one cluster.</summary>
    [Required]
    [RegularExpression("^[A-Za-z0-9._-]{1,100}$")]
    public string ClusterId { get; set; } = "travel-permits";

    /// <summary>Silo-to-silo port; 0 takes a free port at start (it is advertised through the membership table).</summary>
    [Range(0, 65535)]
    public int SiloPort { get; set; }

    /// <summary>Port for external Orleans clients; 0, the default, opens none (the Host's own web app calls its silo in process).</summary>
    [Range(0, 65535)]
    public int GatewayPort { get; set; }

    /// <summary>
    /// The address the other silos reach this one at: an IP address or a host name resolved at
    /// start (a container's service name). Empty: the loopback address, for Hosts on one machine.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// How the Host finds the other silos. <see cref="SiloClustering.Database"/>, the default on
    /// PostgreSQL: through the membership table, so that every Host of the database forms one
    /// cluster. <see cref="SiloClustering.Localhost"/>: a cluster of one, as on SQLite (the only
    /// choice there), for a Host that must stay alone (a developer's, a test's).
    /// </summary>
    [EnumDataType(typeof(SiloClustering))]
    public SiloClustering Clustering { get; set; } = SiloClustering.Database;
}

internal enum SiloClustering
{
    Database,
    Localhost,
}
