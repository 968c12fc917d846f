using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Runtime;
using TravelPermits.Host.Silo.Membership;
using TravelPermits.SharedKernel.Persistence;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Grains;
using TravelPermits.SharedKernel.Settings;

namespace TravelPermits.Host.Silo;

/// <summary>
/// The Orleans silo co-hosted with the web app: every Host runs one, and the grains of the modules
/// live in it. SQLite, the embedded default, is one Host: one silo on localhost clustering. On
/// PostgreSQL every Host of the database (and of one cluster id) joins one cluster through the
/// membership table that the Host's own migrations create (ADR 0016).
/// </summary>
internal static class SiloSetup
{
    /// <summary>The ADO.NET invariant of Npgsql, by which Orleans finds its provider factory.</summary>
    private const string NpgsqlInvariant = "Npgsql";

    public static WebApplicationBuilder AddSilo(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<SiloOptions>(SiloOptions.Section);
        builder.Services.AddSingleton<IExceptionProblems, ClusterUnavailableProblems>();
        builder.Services.AddHostedService<IdleMemory>();
        // Orleans takes its endpoints as values: the settings are read, and checked, now.
        var settings = builder.Configuration.ReadSettings<SiloOptions>(SiloOptions.Section);
        var database = DatabaseOptions.From(builder.Configuration);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddModuleDbContext<MembershipDbContext>(MembershipDbContext.HistoryTable);
        }
        builder.UseOrleans(silo =>
        {
            // Replaces Orleans' handler, which ends the process with FailFast (ADR 0016).
            silo.Services.Replace(ServiceDescriptor.Singleton<IFatalErrorHandler, StopHostOnFatalError>());
            silo.Configure<ClusterMembershipOptions>(MembershipTuning.Apply);
            // Idle activations are looked for every 30 s (Orleans: every minute), so that a burst's
            // grains go within 30 s of their age limit and IdleMemory gives their memory back.
            silo.Configure<GrainCollectionOptions>(collection => collection.CollectionQuantum = IdleMemory.CollectionQuantum);
            if (database.Provider == DatabaseProvider.Postgres && settings.Clustering == SiloClustering.Database)
            {
                var advertised = ResolveAdvertisedAddress(settings.AdvertisedAddress);
                var listenOnAny = !IPAddress.IsLoopback(advertised);
                var siloPort = settings.SiloPort == 0 ? FreePort(listenOnAny) : settings.SiloPort;
                silo.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = settings.ClusterId;
                    cluster.ServiceId = settings.ClusterId;
                });
                silo.ConfigureEndpoints(advertised, siloPort, settings.GatewayPort, listenOnAnyHostAddress: listenOnAny);
                silo.UseAdoNetClustering(adoNet =>
                {
                    adoNet.Invariant = NpgsqlInvariant;
                    adoNet.ConnectionString = database.ConnectionString;
                });
            }
            else
            {
                var siloPort = settings.SiloPort == 0 ? FreePort(listenOnAny: false) : settings.SiloPort;
                silo.UseLocalhostClustering(siloPort, settings.GatewayPort, serviceId: settings.ClusterId, clusterId: settings.ClusterId);
            }
            // A grain call carries its caller's language and actor, as a request does to an endpoint.
            silo.AddOutgoingGrainCallFilter<CallerContextFilter>();
            silo.AddIncomingGrainCallFilter<CallerContextFilter>();
        });
        return builder;
    }

    /// <summary>
    /// The address the other silos reach this one at: loopback when none is set (Hosts on one
    /// machine), the address itself, or the first address a host name resolves to, IPv4 first (a
    /// container's service name). Resolved once, at start, as Orleans writes it into the table.
    /// </summary>
    internal static IPAddress ResolveAdvertisedAddress(string? advertised)
    {
        if (string.IsNullOrWhiteSpace(advertised))
        {
            return IPAddress.Loopback;
        }
        if (IPAddress.TryParse(advertised, out var address))
        {
            return address;
        }
        IPAddress[] addresses;
        try
        {
            addresses = Dns.GetHostAddresses(advertised);
        }
        catch (SocketException e)
        {
            throw new InvalidOperationException($"{SiloOptions.Section}:AdvertisedAddress '{advertised}' does not resolve: {e.Message}", e);
        }
        return addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault()
            ?? throw new InvalidOperationException($"{SiloOptions.Section}:AdvertisedAddress '{advertised}' resolves to no address.");
    }

    /// <summary>
    /// A port free on this machine now; the silo binds it a moment later and advertises it in the
    /// membership table. Taken below the ephemeral range (Linux 32768-60999, Windows from 49152):
    /// a port the system hands out for a bind to 0, or for an outgoing connection, could be given
    /// again in that moment, to another Host starting beside this one or to a client's connection.
    /// </summary>
    private static int FreePort(bool listenOnAny)
    {
        var address = listenOnAny ? IPAddress.Any : IPAddress.Loopback;
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var port = Random.Shared.Next(FirstProbedPort, LastProbedPort + 1);
            try
            {
                using var probe = new TcpListener(address, port);
                probe.Start();
                return port;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
            {
            }
        }
        using var any = new TcpListener(address, 0);
        any.Start();
        return ((IPEndPoint)any.LocalEndpoint).Port;
    }

    private const int FirstProbedPort = 20000;
    private const int LastProbedPort = 32000;
}
