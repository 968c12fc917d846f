using System.Numerics;
using System.Security.Cryptography;
using TravelPermits.Permits.Tokens;
using Xunit;

namespace TravelPermits.Permits.Tests;

public sealed class TokenTests
{
    private static readonly byte[] Kid = [0xd8, 0x41, 0x6c, 0x85];
    private static readonly TokenClaims Claims = new(Guid.CreateVersion7(), "Nguyễn Thị Hà", "048******234");

    private static string Sign(ECDsa key) => PermitToken.Sign(Claims, Kid, key);

    [Fact]
    public void A_signed_token_parses_back_to_its_claims_and_verifies()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var token = Sign(key);
        Assert.Matches("^[A-Z2-7]+$", token);
        Assert.True(PermitToken.TryParse(token, out var parsed));
        Assert.Equal(Claims, parsed.Claims);
        Assert.Equal(Kid, parsed.KeyId);
        Assert.True(parsed.VerifiedBy(key));
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.False(parsed.VerifiedBy(other));
    }

    [Fact]
    public void Signatures_are_always_written_with_a_low_s_and_a_high_s_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);
        for (var i = 0; i < 20; i++)
        {
            Assert.True(Base32.TryDecode(Sign(key), out var bytes));
            var s = new BigInteger(bytes.AsSpan(bytes.Length - 32), isUnsigned: true, isBigEndian: true);
            Assert.True(s <= order >> 1);

            // The same signature with n - s verifies in ECDSA, but it is not this token's spelling.
            var high = (order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
            var flipped = (byte[])bytes.Clone();
            Array.Clear(flipped, flipped.Length - 32, 32);
            high.CopyTo(flipped, flipped.Length - high.Length);
            Assert.False(PermitToken.TryParse(Base32.Encode(flipped), out _));
        }
    }

    [Fact]
    public void The_cose_tag_is_required()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.True(Base32.TryDecode(Sign(key), out var bytes));
        Assert.Equal(0xD2, bytes[0]); // tag 18
        Assert.False(PermitToken.TryParse(Base32.Encode(bytes.AsSpan(1)), out _));
    }

    [Fact]
    public void A_length_written_longer_than_needed_is_refused()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.True(Base32.TryDecode(Sign(key), out var bytes));
        // bytes: D2 84 <protected bstr: 0x49 + 9 bytes> ... write that head as 0x58 0x09 instead.
        Assert.Equal(0x49, bytes[2]);
        var longer = new byte[bytes.Length + 1];
        bytes.AsSpan(0, 2).CopyTo(longer);
        longer[2] = 0x58;
        longer[3] = 0x09;
        bytes.AsSpan(3).CopyTo(longer.AsSpan(4));
        Assert.False(PermitToken.TryParse(Base32.Encode(longer), out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a token")]
    [InlineData("AAAAAAAA")]
    [InlineData("2KCETIQB1")]
    public void Garbage_is_refused_without_exceptions(string token) => Assert.False(PermitToken.TryParse(token, out _));

    [Fact]
    public void Base32_round_trips_and_refuses_stray_padding_bits()
    {
        var data = RandomNumberGenerator.GetBytes(157);
        var text = Base32.Encode(data);
        Assert.True(Base32.TryDecode(text, out var back));
        Assert.Equal(data, back);
        Assert.True(Base32.TryDecode(text.ToLowerInvariant(), out _));
        var last = text[^1];
        var tampered = text[..^1] + (last == 'A' ? 'B' : 'A');
        Assert.True(!Base32.TryDecode(tampered, out var other) || !other.AsSpan().SequenceEqual(data));
    }
}
