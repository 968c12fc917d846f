using System.IO.Compression;
using Microsoft.Playwright;

namespace TravelPermits.Bench.Screens;

/// <summary>One load of a screen: when it was usable, and the scripts and styles it downloaded.</summary>
internal sealed record Load(double UsableMs, int Requests, long ScriptBytes, long StyleBytes, long ServedBytes, long GzipBytes, long DecoderServed, long DecoderGzip)
{
    public long AssetBytes => ScriptBytes + StyleBytes;
}

internal static class ScreenLoad
{
    /// <summary>
    /// Before the page's own scripts: the instant (ms since navigation start) of every change to the
    /// document, so that "usable" can be the last change the page made with the data it fetched.
    /// </summary>
    public const string RecordChanges = """
        (() => {
          const changes = window.__benchChanges = [];
          new MutationObserver(() => { if (changes.length < 20000) changes.push(performance.now()); })
            .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        })();
        """;

    /// <summary>
    /// Usable: the later of the load event, the end of the last API answer, and the last change to the
    /// document within 250 ms of that answer (the screen drawing its data; later changes, such as a
    /// clock, are not waited for).
    /// </summary>
    private const string Usable = """
        () => {
          const nav = performance.getEntriesByType('navigation')[0];
          const data = performance.getEntriesByType('resource')
            .filter(e => e.initiatorType === 'fetch' || e.initiatorType === 'xmlhttprequest')
            .reduce((end, e) => Math.max(end, e.responseEnd), 0);
          const drawn = (window.__benchChanges || []).filter(t => t <= Math.max(data, nav.loadEventEnd) + 250)
            .reduce((last, t) => Math.max(last, t), 0);
          return Math.max(nav.loadEventEnd, data, drawn);
        }
        """;

    private static bool IsDecoder(string url) => url.Contains("/lib/jsqr/", StringComparison.Ordinal);

    public static async Task<Load> MeasureAsync(IPage page, string path)
    {
        var responses = new List<IResponse>();
        void Seen(object? sender, IResponse response)
        {
            lock (responses)
            {
                responses.Add(response);
            }
        }
        page.Response += Seen;
        try
        {
            var answer = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            if (answer is null || !answer.Ok)
            {
                throw new InvalidOperationException($"GET {path}: {answer?.Status}");
            }
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.Locator("main").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        }
        finally
        {
            page.Response -= Seen;
        }
        var usable = await page.EvaluateAsync<double>(Usable);

        long scripts = 0, styles = 0, served = 0, gzip = 0, decoderServed = 0, decoderGzip = 0;
        List<IResponse> all;
        lock (responses)
        {
            all = [.. responses];
        }
        foreach (var response in all)
        {
            var type = response.Headers.GetValueOrDefault("content-type", "");
            var script = type.Contains("javascript", StringComparison.OrdinalIgnoreCase);
            var style = type.Contains("text/css", StringComparison.OrdinalIgnoreCase);
            if ((!script && !style) || response.Status != 200)
            {
                continue;
            }
            var body = await response.BodyAsync();
            var onWire = (await response.Request.SizesAsync()).ResponseBodySize; // as served: compressed when the Host compresses
            var zipped = GzipSize(body);
            if (IsDecoder(response.Url))
            {
                decoderServed += onWire;
                decoderGzip += zipped;
                continue;
            }
            if (script)
            {
                scripts += body.Length;
            }
            else
            {
                styles += body.Length;
            }
            served += onWire;
            gzip += zipped;
        }
        return new Load(usable, all.Count, scripts, styles, served, gzip, decoderServed, decoderGzip);
    }

    private static long GzipSize(byte[] body)
    {
        using var output = new MemoryStream();
        using (var zip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zip.Write(body);
        }
        return output.Length;
    }
}
