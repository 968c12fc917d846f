using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using TravelPermits.Host.Silo;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>A grain call whose silo died is a 503 <c>cluster_unavailable</c> to retry, not a 500.</summary>
public sealed class ClusterUnavailableTests
{
    public static TheoryData<Exception> ClusterFailures() =>
    [
        new SiloUnavailableException(),
        Rejection(),
        new Orleans.Runtime.Messaging.ConnectionFailedException("Unable to connect to endpoint S10.0.0.2:11111:0"),
        new TimeoutException("Response did not arrive on time in 00:00:30"),
        new InvalidOperationException("wrapped", new SiloUnavailableException()),
        new AggregateException(Rejection()),
    ];

    /// <summary>Orleans makes these itself (its constructors are internal), for a message it could not deliver.</summary>
    private static OrleansMessageRejectionException Rejection() =>
        (OrleansMessageRejectionException)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(OrleansMessageRejectionException));

    public static TheoryData<Exception> OtherFailures() =>
    [
        new InvalidOperationException("a bug"),
        new OrleansException("a grain's own failure"),
        new AggregateException(new SiloUnavailableException(), new InvalidOperationException("and a bug")),
        new ArgumentException("no", new InvalidOperationException()),
    ];

    [Theory]
    [MemberData(nameof(ClusterFailures))]
    public void A_failed_grain_call_is_a_503_with_retry_after(Exception failure)
    {
        var http = new DefaultHttpContext();
        var options = new ClusterMembershipOptions();
        MembershipTuning.Apply(options);
        var mapping = new ClusterUnavailableProblems(Options.Create(options), NullLogger<ClusterUnavailableProblems>.Instance);

        var problem = mapping.TryMap(failure, http);

        Assert.NotNull(problem);
        Assert.Equal(503, problem.Status);
        Assert.Equal("cluster_unavailable", problem.Extensions["code"]);
        Assert.Equal("6", http.Response.Headers.RetryAfter.ToString()); // 3 missed probes of 2 s
    }

    [Theory]
    [MemberData(nameof(OtherFailures))]
    public void Any_other_failure_is_left_to_the_500(Exception failure)
    {
        var http = new DefaultHttpContext();
        var mapping = new ClusterUnavailableProblems(Options.Create(new ClusterMembershipOptions()), NullLogger<ClusterUnavailableProblems>.Instance);

        Assert.Null(mapping.TryMap(failure, http));
        Assert.False(http.Response.Headers.ContainsKey("Retry-After"));
    }

    [Fact]
    public void Retry_after_follows_the_time_to_declare_a_silo_dead_and_is_at_least_a_second()
    {
        Assert.Equal(15, ClusterUnavailableProblems.RetryAfterSeconds(new ClusterMembershipOptions { ProbeTimeout = TimeSpan.FromSeconds(5), NumMissedProbesLimit = 3 }));
        Assert.Equal(1, ClusterUnavailableProblems.RetryAfterSeconds(new ClusterMembershipOptions { ProbeTimeout = TimeSpan.FromMilliseconds(100), NumMissedProbesLimit = 2 }));
    }

    [Theory]
    [InlineData("", "127.0.0.1")]
    [InlineData("10.1.2.3", "10.1.2.3")]
    [InlineData("localhost", "127.0.0.1")]
    public void The_advertised_address_is_an_address_or_a_resolved_host_name(string setting, string expected) =>
        Assert.Equal(IPAddress.Parse(expected), SiloSetup.ResolveAdvertisedAddress(setting));
}

/// <summary>The mapping as the Host runs it: through the problem handler, in the caller's language.</summary>
[Collection(nameof(SqliteCollection))]
public sealed class ClusterUnavailableAnswerTests(SqliteHost host)
{
    [Fact]
    public async Task A_grain_call_whose_silo_died_answers_503_cluster_unavailable_with_retry_after()
    {
        await using var failing = host.Factory.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new ThrowAtTheEnd(() => new SiloUnavailableException("The target silo became unavailable")))));
        var client = failing.CreateClient();
        client.DefaultRequestHeaders.Authorization = (await host.AsAsync("admin")).DefaultRequestHeaders.Authorization;

        using var response = await client.Get("/api/v1/boom");

        var problem = await response.ExpectProblem(HttpStatusCode.ServiceUnavailable, "cluster_unavailable");
        Assert.Equal(CommonTexts.ClusterUnavailable.Vi, problem.GetProperty("detail").GetString());
        Assert.Equal(TimeSpan.FromSeconds(6), response.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain("target silo", problem.ToString(), StringComparison.Ordinal);
    }

    private sealed class ThrowAtTheEnd(Func<Exception> failure) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(_ => throw failure());
        };
    }
}
