using System.Net;
using System.Net.Sockets;
using TravelPermits.SharedKernel.Grains;
using TravelPermits.SharedKernel.Settings;

namespace TravelPermits.Host.Silo;

/// <summary>
/// The Orleans silo co-hosted with the web app: every Host runs one, and the grains of the modules
/// live in it. SQLite, the embedded default, is one Host: one silo on localhost clustering.
/// </summary>
internal static class SiloSetup
{
    public static WebApplicationBuilder AddSilo(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<SiloOptions>(SiloOptions.Section);
        // Orleans takes its endpoints as values: the settings are read, and checked, now.
        var settings = builder.Configuration.ReadSettings<SiloOptions>(SiloOptions.Section);
        builder.UseOrleans(silo =>
        {
            var siloPort = settings.SiloPort == 0 ? FreePort() : settings.SiloPort;
            var gatewayPort = settings.GatewayPort;
            silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: settings.ClusterId, clusterId: settings.ClusterId);
            // A grain call carries its caller's language and actor, as a request does to an endpoint.
            silo.AddOutgoingGrainCallFilter<CallerContextFilter>();
            silo.AddIncomingGrainCallFilter<CallerContextFilter>();
        });
        return builder;
    }

    /// <summary>A port free on this machine now; the silo binds it a moment later.</summary>
    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
