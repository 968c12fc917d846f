using TravelPermits.Permits.Print;
using Xunit;

namespace TravelPermits.Permits.Tests;

/// <summary>How the printed sheet breaks a text into lines (here one unit of width a character).</summary>
public sealed class PrintWrapTests
{
    private static List<string> Wrap(string text, double width) => FittedText.Wrap(text, line => line.Length, width);

    [Fact]
    public void Lines_break_between_words_and_keep_every_word()
    {
        Assert.Equal(["Nguyễn Thị Hoàng", "Phương Ngọc Bích", "Thùy Diễm Lê", "Hương"], Wrap("Nguyễn Thị Hoàng Phương Ngọc Bích Thùy Diễm Lê Hương", 16));
        Assert.Equal(["Lê Hương"], Wrap("Lê Hương", 16));
    }

    [Fact]
    public void A_word_wider_than_a_line_breaks_between_letters_never_between_a_letter_and_its_accent()
    {
        Assert.Equal(["Lê", "ĐĐĐĐĐ", "ĐĐĐĐĐ", "Đ"], Wrap("Lê " + new string('Đ', 11), 5));
        // e with a combining circumflex and tilde is one letter of three chars.
        var decomposed = "Nguye\u0302\u0303n";
        Assert.Equal(["Nguy", "e\u0302\u0303n"], FittedText.Wrap(decomposed, line => new System.Globalization.StringInfo(line).LengthInTextElements, 4));
    }
}
