using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>
/// The printed sheet, which a police officer compares with the ID card: long names printed whole,
/// inside the permit's box, and the QR codes still scanning (pdftotext, zbarimg).
/// </summary>
public abstract partial class PrintTests(PermitsHost host)
{
    /// <summary>Ten words, 52 characters: the name a first version cut after its sixth word, with nothing to show it.</summary>
    private const string TenWords = "Nguyễn Thị Hoàng Phương Ngọc Bích Thùy Diễm Lê Hương";

    /// <summary>The longest name a list may hold (100 characters).</summary>
    private const string HundredCharacters = "Tôn Nữ Hoàng Thị Phương Ngọc Bích Thùy Diễm Lê Hương Quỳnh Anh Minh Châu Bảo Ngân Khánh Linh Trúc My";

    [Theory]
    [InlineData(TenWords)]
    [InlineData(HundredCharacters)]
    public async Task A_long_name_is_printed_whole_inside_its_permit_and_the_code_still_scans(string name)
    {
        Assert.True(name.Length <= 100);
        var (enterprise, clerk, entries) = await PermitTests.ApprovedAsync(host, 2, fullName: name);
        var permits = (await PermitTests.IssueAsync(clerk, enterprise, entries)).GetProperty("permits").EnumerateArray().ToList();
        using var response = await clerk.PostJson("/api/v1/permits/print", new { permitIds = permits.Select(p => p.GetProperty("id").GetGuid()) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = Path.Combine(host.WorkDirectory, $"{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        // Every word, and the words in their order (a wrapped name reads on across its lines).
        var text = Run("pdftotext", "-raw", pdf, "-");
        Assert.All(name.Split(' '), word => Assert.Contains(word, text, StringComparison.Ordinal));
        Assert.Contains(name, Spaces().Replace(text, " "), StringComparison.Ordinal);

        // The first permit (top left, 24 pt margins on A4): its name stays right of the QR code, inside
        // the box, above the ID number, which stays above the stamp box.
        const double boxRight = 24 + ((595 - 48) / 2.0) - 8;
        const double boxBottom = 24 + ((842 - 48) / 4.0) - 8;
        var words = Words(Run("pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-")).Where(w => w.XMin < boxRight && w.YMin < boxBottom).ToList();
        var title = words.First(w => w.Text == "ĐƯỜNG");
        var idLine = words.Single(w => w.Text == "CCCD/CMND:");
        var stamp = words.Single(w => w.Text == "Xác");
        var nameWords = words.Where(w => w.YMin >= title.YMax && w.YMax <= idLine.YMin).ToList();
        Assert.Equal(name.Split(' '), nameWords.Select(w => w.Text));
        Assert.All(nameWords, w => Assert.True(w.XMin >= idLine.XMin - 0.5 && w.XMax <= boxRight, $"{w.Text} at x {w.XMin}-{w.XMax} is outside the text column"));
        Assert.True(idLine.YMax <= stamp.YMin, "the ID number stays above the stamp box");
        Assert.True(stamp.YMax <= boxBottom, "the stamp box stays inside the permit");

        var prefix = Path.Combine(host.WorkDirectory, Guid.NewGuid().ToString("N"));
        Run("pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-png", pdf, prefix);
        var page = Directory.GetFiles(host.WorkDirectory, Path.GetFileName(prefix) + "*.png").Single();
        var scanned = PermitTests.Zbar(page);
        Assert.All(permits, p => Assert.Contains("/V/" + p.GetProperty("token").GetString(), scanned, StringComparison.Ordinal));
    }

    private sealed record Word(string Text, double XMin, double YMin, double XMax, double YMax);

    private static List<Word> Words(string bboxHtml) =>
        BoxedWord().Matches(bboxHtml).Select(m => new Word(
            WebUtility.HtmlDecode(m.Groups["text"].Value),
            double.Parse(m.Groups["xMin"].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups["yMin"].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups["xMax"].Value, CultureInfo.InvariantCulture),
            double.Parse(m.Groups["yMax"].Value, CultureInfo.InvariantCulture))).ToList();

    private static string Run(string tool, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}");
        return output;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("""<word xMin="(?<xMin>[0-9.]+)" yMin="(?<yMin>[0-9.]+)" xMax="(?<xMax>[0-9.]+)" yMax="(?<yMax>[0-9.]+)">(?<text>[^<]*)</word>""")]
    private static partial Regex BoxedWord();
}

[Collection(nameof(SqliteCollection))]
public sealed class PrintTestsOnSqlite(SqliteHost host) : PrintTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class PrintTestsOnPostgres(PostgresHost host) : PrintTests(host);
