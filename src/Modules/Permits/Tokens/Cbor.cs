using System.Buffers.Binary;
using System.Text;

namespace TravelPermits.Permits.Tokens;

/// <summary>
/// The few CBOR items (RFC 8949) a COSE_Sign1 permit token needs: integers, byte and text
/// strings, arrays, maps and tag 18, definite lengths only. No CBOR package is served here
/// (ADR 8), so this writer and its strict reader stay this small on purpose.
/// </summary>
internal sealed class CborWriter
{
    private readonly MemoryStream _buffer = new();

    public byte[] ToArray() => _buffer.ToArray();

    public CborWriter Int(long value) => value >= 0 ? Head(0, (ulong)value) : Head(1, (ulong)(-1 - value));

    public CborWriter Bytes(ReadOnlySpan<byte> value)
    {
        Head(2, (ulong)value.Length);
        _buffer.Write(value);
        return this;
    }

    public CborWriter Text(string value) => Utf8(Encoding.UTF8.GetBytes(value));

    public CborWriter Array(int count) => Head(4, (ulong)count);

    public CborWriter Map(int count) => Head(5, (ulong)count);

    public CborWriter Tag(ulong tag) => Head(6, tag);

    private CborWriter Utf8(byte[] value)
    {
        Head(3, (ulong)value.Length);
        _buffer.Write(value);
        return this;
    }

    private CborWriter Head(int major, ulong argument)
    {
        var type = (byte)(major << 5);
        Span<byte> bytes = stackalloc byte[9];
        switch (argument)
        {
            case < 24:
                _buffer.WriteByte((byte)(type | (byte)argument));
                break;
            case <= byte.MaxValue:
                _buffer.WriteByte((byte)(type | 24));
                _buffer.WriteByte((byte)argument);
                break;
            case <= ushort.MaxValue:
                bytes[0] = (byte)(type | 25);
                BinaryPrimitives.WriteUInt16BigEndian(bytes[1..], (ushort)argument);
                _buffer.Write(bytes[..3]);
                break;
            case <= uint.MaxValue:
                bytes[0] = (byte)(type | 26);
                BinaryPrimitives.WriteUInt32BigEndian(bytes[1..], (uint)argument);
                _buffer.Write(bytes[..5]);
                break;
            default:
                bytes[0] = (byte)(type | 27);
                BinaryPrimitives.WriteUInt64BigEndian(bytes[1..], argument);
                _buffer.Write(bytes[..9]);
                break;
        }
        return this;
    }
}

/// <summary>A strict reader: anything unexpected (indefinite lengths, floats, truncation) is a <see cref="FormatException"/>.</summary>
internal ref struct CborReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool AtEnd => _position == _data.Length;

    public int PeekMajor() => _position < _data.Length ? _data[_position] >> 5 : throw new FormatException("truncated");

    public long Int()
    {
        var (major, argument) = Head();
        return major switch
        {
            0 when argument <= long.MaxValue => (long)argument,
            1 when argument <= long.MaxValue => -1 - (long)argument,
            _ => throw new FormatException("integer expected"),
        };
    }

    public ReadOnlySpan<byte> Bytes() => Span(2);

    public string Text() => Encoding.UTF8.GetString(Span(3));

    public int Array() => Count(4);

    public int Map() => Count(5);

    public ulong Tag()
    {
        var (major, argument) = Head();
        return major == 6 ? argument : throw new FormatException("tag expected");
    }

    private int Count(int expected)
    {
        var (major, argument) = Head();
        return major == expected && argument <= 64 ? (int)argument : throw new FormatException("collection expected");
    }

    private ReadOnlySpan<byte> Span(int expected)
    {
        var (major, argument) = Head();
        if (major != expected || argument > (ulong)(_data.Length - _position))
        {
            throw new FormatException("string expected");
        }
        var span = _data.Slice(_position, (int)argument);
        _position += (int)argument;
        return span;
    }

    private (int Major, ulong Argument) Head()
    {
        if (_position >= _data.Length)
        {
            throw new FormatException("truncated");
        }
        var initial = _data[_position++];
        var info = initial & 31;
        var length = info switch { < 24 => 0, 24 => 1, 25 => 2, 26 => 4, 27 => 8, _ => throw new FormatException("unsupported") };
        if (_data.Length - _position < length)
        {
            throw new FormatException("truncated");
        }
        var argument = length switch
        {
            0 => (ulong)info,
            1 => _data[_position],
            2 => BinaryPrimitives.ReadUInt16BigEndian(_data[_position..]),
            4 => BinaryPrimitives.ReadUInt32BigEndian(_data[_position..]),
            _ => BinaryPrimitives.ReadUInt64BigEndian(_data[_position..]),
        };
        // Deterministic encoding (RFC 8949, 4.2.1): the shortest head only, so that one token has one spelling.
        var minimal = length switch { 0 => true, 1 => argument >= 24, 2 => argument > byte.MaxValue, 4 => argument > ushort.MaxValue, _ => argument > uint.MaxValue };
        if (!minimal)
        {
            throw new FormatException("non-minimal encoding");
        }
        _position += length;
        return (initial >> 5, argument);
    }
}
