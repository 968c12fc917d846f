using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;

namespace TravelPermits.Bench.Seeder;

/// <summary>
/// <c>stamp --base URL --token BEARER --ids FILE [--concurrency N]</c>: the ward police's stamp
/// (<c>POST /api/v1/permits/{id}/stamp</c>) of every permit in the file, once each, N at a time,
/// through the Host's API, so that each permit's grain is activated once. Ends when the last is
/// answered (wrk would wait out its whole duration) and prints one line: <c>BENCH {json}</c>.
/// </summary>
internal static class StampCommand
{
    public static async Task RunAsync(Options options)
    {
        var ids = await File.ReadAllLinesAsync(options.Required("ids"));
        var concurrency = options.Int("concurrency", 16);
        using var client = new HttpClient { BaseAddress = new Uri(options.Required("base")), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Required("token"));

        var statuses = new Dictionary<int, int>();
        var latencies = new List<double>(ids.Length);
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = Interlocked.Increment(ref next); i < ids.Length; i = Interlocked.Increment(ref next))
            {
                if (ids[i].Length == 0)
                {
                    continue;
                }
                var started = clock.Elapsed;
                using var response = await client.PostAsync(new Uri($"api/v1/permits/{ids[i]}/stamp", UriKind.Relative), content: null);
                var took = (clock.Elapsed - started).TotalMilliseconds;
                lock (statuses)
                {
                    statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                    latencies.Add(took);
                }
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(p / 100 * latencies.Count))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"BENCH {{\"requests\":{latencies.Count},\"seconds\":{seconds:F2},\"rps\":{latencies.Count / seconds:F1},\"p50_ms\":{Percentile(50):F2},\"p99_ms\":{Percentile(99):F2},\"statuses\":{{{string.Join(",", statuses.Select(s => $"\"{s.Key}\":{s.Value}"))}}}}}"));
    }
}
