using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TravelPermits.TestSupport;

/// <summary>
/// A small SMTP server on a free port of the loopback, for tests of the email sender: it records
/// each message it accepts, and answers each connection as the test asks, in order (refusing at the
/// greeting, a 4xx to MAIL FROM, a 5xx to RCPT TO, or taking the message and never saying so);
/// connections beyond those asked for are served normally. It answers one connection at a time,
/// so the order in which attempts meet the scripted answers is the order of the attempts.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentQueue<SmtpAnswer> _script = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private readonly List<string> _messages = [];
    private readonly List<string> _transcripts = [];

    public SmtpServer()
    {
        _listener.Start();
        _serving = ServeAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>The messages accepted (or taken without a reply), as sent after DATA, in order.</summary>
    public IReadOnlyList<string> Messages
    {
        get
        {
            lock (_messages)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>What each connection said, one entry per connection: commands and answers, one per line.</summary>
    public IReadOnlyList<string> Transcripts
    {
        get
        {
            lock (_transcripts)
            {
                return [.. _transcripts];
            }
        }
    }

    /// <summary>
    /// The transcripts once this many connections have ended: a connection is recorded when it ends,
    /// which may come after the client has given up on it and moved on.
    /// </summary>
    public async Task<IReadOnlyList<string>> TranscriptsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Transcripts.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        return Transcripts;
    }

    /// <summary>The answers of the next connections, one each, in this order.</summary>
    public void Script(params SmtpAnswer[] answers)
    {
        foreach (var answer in answers)
        {
            _script.Enqueue(answer);
        }
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            using (client)
            {
                var answer = _script.TryDequeue(out var next) ? next : SmtpAnswer.Accept;
                var transcript = new StringBuilder();
                try
                {
                    await ConverseAsync(client.GetStream(), answer, transcript);
                }
                catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
                {
                    transcript.Append("(connection lost: ").Append(e.GetType().Name).Append(")\n");
                }
                lock (_transcripts)
                {
                    _transcripts.Add(transcript.ToString());
                }
            }
        }
    }

    private async Task ConverseAsync(NetworkStream stream, SmtpAnswer answer, StringBuilder transcript)
    {
        if (answer == SmtpAnswer.CloseAtGreeting)
        {
            transcript.Append("(closed at the greeting)\n");
            return;
        }
        var reader = new StreamReader(stream, Encoding.Latin1);
        var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        async Task Say(string line)
        {
            transcript.Append("S: ").Append(line).Append('\n');
            await writer.WriteLineAsync(line);
        }
        await Say("220 localhost test SMTP server");
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            transcript.Append("C: ").Append(line).Append('\n');
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO" or "HELO":
                    await Say("250 localhost");
                    break;
                case "MAIL" when answer == SmtpAnswer.TryLaterAtMailFrom:
                    await Say("451 4.3.2 Try again later");
                    break;
                case "RCPT" when answer == SmtpAnswer.RefuseRecipient:
                    await Say("550 5.1.1 No such mailbox");
                    break;
                case "MAIL" or "RCPT" or "RSET" or "NOOP":
                    await Say("250 OK");
                    break;
                case "DATA":
                    await Say("354 End data with <CR><LF>.<CR><LF>");
                    var message = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".")
                    {
                        message.Append(data.StartsWith('.') ? data[1..] : data).Append("\r\n");
                    }
                    lock (_messages)
                    {
                        _messages.Add(message.ToString());
                    }
                    transcript.Append("C: (message)\n");
                    if (answer == SmtpAnswer.TakeWithoutReply)
                    {
                        transcript.Append("(closed without a reply to the message)\n");
                        return;
                    }
                    await Say("250 2.0.0 Queued");
                    break;
                case "QUIT":
                    await Say("221 Bye");
                    return;
                default:
                    await Say("502 5.5.2 Command not implemented");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}

/// <summary>How <see cref="SmtpServer"/> answers one connection.</summary>
public enum SmtpAnswer
{
    /// <summary>Takes the message.</summary>
    Accept,

    /// <summary>Closes the connection before greeting, as a server that is going down.</summary>
    CloseAtGreeting,

    /// <summary>451 to MAIL FROM: a passing refusal, to try again later.</summary>
    TryLaterAtMailFrom,

    /// <summary>550 to RCPT TO: this recipient, never.</summary>
    RefuseRecipient,

    /// <summary>Reads the whole message, then closes without a reply: the sender cannot know it arrived.</summary>
    TakeWithoutReply,
}
