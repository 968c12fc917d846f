using System.Diagnostics;
using System.Text.RegularExpressions;

namespace TravelPermits.TestSupport;

/// <summary>
/// The Host as users run it: a separate process on real Kestrel, which a test can kill with
/// SIGKILL and start again on the same database.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output;

    private HostProcess(Process process, Uri baseAddress, List<string> output)
    {
        _process = process;
        BaseAddress = baseAddress;
        _output = output;
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public static async Task<HostProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, "TravelPermits.Host.dll");
        var start = new ProcessStartInfo("dotnet", [hostDll, "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        var lines = new List<string>();
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (lines)
            {
                lines.Add(line);
            }
            if (ListeningLine().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _ = ReportExitAsync();

        // Waits for the end of the redirected output too, so that the message holds the Host's last
        // words (the error it stopped on), which the Exited event can precede.
        async Task ReportExitAsync()
        {
            await process.WaitForExitAsync();
            string output;
            lock (lines)
            {
                output = string.Join('\n', lines);
            }
            listening.TrySetException(new InvalidOperationException("The Host exited:\n" + output));
        }

        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(90));
            return new HostProcess(process, address, lines); // keeps collecting what the process writes
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    /// <summary>Waits for the Host to end by itself and gives its exit code; fails after <paramref name="patience"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan patience)
    {
        await _process.WaitForExitAsync().WaitAsync(patience);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown, no flush, as a crash or an OOM kill would do.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
