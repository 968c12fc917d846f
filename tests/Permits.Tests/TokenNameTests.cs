using System.Security.Cryptography;
using System.Text;
using TravelPermits.Permits.Qr;
using TravelPermits.Permits.Tokens;
using Xunit;

namespace TravelPermits.Permits.Tests;

/// <summary>The holder's name in the token: whole when it fits the budget, else abbreviated (docs/qr-format.md).</summary>
public sealed class TokenNameTests
{
    [Theory]
    [InlineData("Nguyễn Văn Đức A")]
    [InlineData("Tôn Nữ Thị Phương Thảo")]
    public void A_name_within_the_budget_is_kept_whole(string name)
    {
        Assert.True(Encoding.UTF8.GetByteCount(name) <= TokenNames.Budget);
        Assert.Equal(name, TokenNames.For(name));
    }

    [Fact]
    public void A_longer_name_keeps_the_family_and_given_names_with_middle_names_as_initials()
    {
        const string name = "Nguyễn Thị Hoàng Phương Ngọc Bích Thùy Diễm Lê Hương"; // 52 characters, 68 bytes
        Assert.Equal(52, name.Length);
        Assert.Equal("Nguyễn T. H. P. N. B. T. D. L. Hương", TokenNames.For(name)); // 40 bytes
    }

    [Fact]
    public void What_is_still_too_long_is_cut_at_a_character_boundary_and_ends_with_an_ellipsis()
    {
        const string name = "Nguyễn Công Tằng Tôn Nữ Hoàng Phương Thị Ngọc Bích Thùy Diễm Khánh Xuân Thanh Trường Giang Mai Hương";
        Assert.Equal("Nguyễn C. T. T. N. H. P. T. N. B. T…", TokenNames.For(name));

        // One word: 2 bytes a letter, 18 of them and the ellipsis (39 bytes) fit.
        Assert.Equal(new string('Đ', 18) + "…", TokenNames.For(new string('Đ', 100)));

        // Two words: nothing to make initials of. The cut never parts a letter from its marks (here
        // written decomposed: e, combining circumflex, combining tilde; 5 bytes where 2 are left).
        var decomposed = new string('x', 35) + "e\u0302\u0303n Hương";
        Assert.Equal(new string('x', 35) + "…", TokenNames.For(decomposed));
    }

    [Fact]
    public void Every_name_fits_the_budget()
    {
        string[] syllables = ["Nguyễn", "Thị", "Đ", "Hoàng", "Phương", "Ngọc", "Trường", "A", "Bích", "Khuyến", "Lê", "Ư"];
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var words = Enumerable.Range(0, random.Next(1, 20)).Select(_ => syllables[random.Next(syllables.Length)]);
            var name = string.Join(' ', words);
            name = name.Length > 100 ? name[..100].TrimEnd() : name;
            Assert.True(Encoding.UTF8.GetByteCount(TokenNames.For(name)) <= TokenNames.Budget, name);
        }
    }

    [Fact]
    public void A_token_with_a_name_at_the_budget_fits_qr_version_10_m_behind_a_47_character_prefix()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var longest = new string('x', TokenNames.Budget);
        Assert.Equal(longest, TokenNames.For(longest));
        var token = PermitToken.Sign(new TokenClaims(Guid.CreateVersion7(), longest, "048******234"), [1, 2, 3, 4], key);
        Assert.Equal(264, token.Length);
        const string prefix = "https://giaydiduong.thanhphohochiminh.gov.vn/V/"; // 47 characters
        Assert.Equal(47, prefix.Length);
        Assert.True(QrLinks.Version((prefix + token).ToUpperInvariant()) <= 10);
    }
}
