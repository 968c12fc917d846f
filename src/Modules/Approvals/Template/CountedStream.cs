using TravelPermits.SharedKernel.Problems;

namespace TravelPermits.Approvals.Template;

/// <summary>
/// A part's bytes as they inflate, counted: past the part's limit, or past the window set for
/// the row or section being read, reading stops with the refusal.
/// </summary>
internal sealed class CountedStream(Stream inner, long limit, Func<ProblemException> partTooLarge) : Stream
{
    private long _read;
    private long _windowEnd = long.MaxValue;
    private Func<ProblemException>? _windowTooLarge;

    public void Window(long bytes, Func<ProblemException> tooLarge)
    {
        _windowEnd = _read + bytes;
        _windowTooLarge = tooLarge;
    }

    /// <summary>Inflates the rest of the part, only to count it.</summary>
    public void Drain()
    {
        _windowEnd = long.MaxValue;
        var buffer = new byte[81_920];
        while (Read(buffer, 0, buffer.Length) > 0)
        {
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, limit - _read + 1)]);
        _read += read;
        if (_read > limit)
        {
            throw partTooLarge();
        }
        if (_read > _windowEnd)
        {
            throw _windowTooLarge!();
        }
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
