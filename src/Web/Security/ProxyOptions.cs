using System.Net;

namespace TravelPermits.Web.Security;

/// <summary>
/// <c>Permits:Proxy</c>: the reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// the Host believes. With none, the headers are ignored and the client is the connection's peer.
/// </summary>
internal sealed class ProxyOptions
{
    public const string Section = "Permits:Proxy";

    /// <summary>Addresses of the proxies, separated by <c>;</c> (<c>10.0.0.2;10.0.0.3</c>).</summary>
    public string? KnownProxies { get; set; }

    public IReadOnlyList<IPAddress> Addresses() =>
        (KnownProxies ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(IPAddress.Parse).ToList();

    public static string? Problem(ProxyOptions options) =>
        (options.KnownProxies ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(a => !IPAddress.TryParse(a, out _)) is { } wrong
            ? $"{Section}:KnownProxies must be IP addresses separated by ';'; '{wrong}' is not one."
            : null;
}
