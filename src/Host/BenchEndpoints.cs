using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using TravelPermits.Permits;

namespace TravelPermits.Host;

/// <summary>
/// What the benchmark (<c>bench/run.sh</c>) measures the Host against, mapped only when
/// <c>Permits:Bench:Enabled</c> is true (never by default):
/// <list type="bullet">
/// <item><c>GET /bench/bare/{token}</c>: a constant JSON body shaped and sized like an anonymous verification
/// answer, through the same middleware and rate-limiting policy as <c>GET /api/v1/verify/{token}</c>
/// and asked with the same tokens, so that the ratio of the two is the cost of verifying itself.
/// <c>GET /bench/bare</c>, the same without a token, is the reference earlier runs used.</item>
/// <item><c>GET /bench/counters</c>: how many queries EF Core has run in this process (its
/// <c>microsoft.entityframeworkcore.queries</c> counter), to show that forged tokens are refused without one.</item>
/// </list>
/// </summary>
internal static class BenchEndpoints
{
    public static WebApplication MapBenchEndpoints(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<BenchOptions>>().Value.Enabled)
        {
            return app;
        }
        var json = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var now = DateTimeOffset.UtcNow;
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            Result = "valid",
            Holder = new { FullName = "Nguyễn Văn Đức Ab", IdNumberMasked = "079******123", IdNumber = (string?)null, DateOfBirth = (DateOnly?)null },
            EnterpriseName = "Công ty TNHH Bench Verify",
            WardName = "Phường Thanh Bình",
            ValidFrom = now,
            ValidTo = now.AddDays(14),
            CheckedAt = now,
            PermitId = Guid.CreateVersion7(),
        }, json);
        // With a token, as wrk asks the verification (the reference); without, as earlier runs measured it.
        foreach (var pattern in (string[])["/bench/bare/{token}", "/bench/bare"])
        {
            app.MapGet(pattern, () => TypedResults.Bytes(body, "application/json; charset=utf-8"))
                .AllowAnonymous().RequireRateLimiting(PermitsModule.AnonymousVerifyPolicy).ExcludeFromDescription();
        }

        var queries = new QueryCounter();
        app.Lifetime.ApplicationStopping.Register(queries.Dispose);
        app.MapGet("/bench/counters", () => TypedResults.Ok(new { EfQueries = queries.Read() }))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>Reads EF Core's cumulative query counter (an observable counter of the meter "Microsoft.EntityFrameworkCore").</summary>
    private sealed class QueryCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _queries;

        public QueryCounter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Microsoft.EntityFrameworkCore" && instrument.Name == "microsoft.entityframeworkcore.queries")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Exchange(ref _queries, value));
            _listener.SetMeasurementEventCallback<int>((_, value, _, _) => Interlocked.Exchange(ref _queries, value));
            _listener.Start();
        }

        public long Read()
        {
            _listener.RecordObservableInstruments();
            return Interlocked.Read(ref _queries);
        }

        public void Dispose() => _listener.Dispose();
    }
}

/// <summary><c>Permits:Bench</c>: whether <see cref="BenchEndpoints"/> are mapped (never by default).</summary>
internal sealed class BenchOptions
{
    public const string Section = "Permits:Bench";

    public bool Enabled { get; set; }
}
