using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>The Excel template and uploads of requests, over HTTP.</summary>
public abstract class RequestTests(PermitsHost host)
{
    internal static async Task<byte[]> TemplateAsync(PermitsHost host)
    {
        using var response = await host.Anonymous().Get("/api/v1/requests/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
    }

    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid enterpriseId, byte[] file, string kind = "addition",
        string fileName = "danh-sach.xlsx", string contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    {
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(content, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        form.Add(new StringContent("Danh sách tuần 38"), "note");
        return await client.PostAsync($"/api/v1/enterprises/{enterpriseId}/requests", form, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_template_has_vietnamese_headers_text_ids_a_gender_list_instructions_and_its_marker()
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(await TemplateAsync(host)), false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(["Danh sách", "Hướng dẫn", "_template"], sheets.Select(s => s.Name!.Value));
        Assert.Equal(SheetStateValues.Hidden, sheets[2].State!.Value);

        var data = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet;
        var headers = data.Descendants<Row>().First().Elements<Cell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["Họ và tên", "Số CCCD/CMND", "Ngày sinh", "Giới tính", "Số điện thoại", "Chức vụ", "Nơi ở hiện nay (phường/xã)", "Địa chỉ nơi làm việc", "Ghi chú"], headers);
        var idColumnStyle = data.Descendants<Column>().First(c => c.Min!.Value == 2).Style!.Value;
        var format = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)idColumnStyle);
        Assert.Equal(49u, format.NumberFormatId!.Value); // "@": text keeps leading zeros
        var list = data.Descendants<DataValidation>().Single(v => v.Type!.Value == DataValidationValues.List);
        Assert.Equal("\"Nam,Nữ\"", list.Formula1!.Text);
        Assert.StartsWith("D2:", list.SequenceOfReferences!.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_thousand_valid_rows_are_accepted_and_kept_with_the_file()
    {
        var enterprise = await host.RegisterEnterpriseAsync(PermitsHost.WardCode, workforce: 20_000);
        var file = Workbooks.Fill(await TemplateAsync(host), Enumerable.Range(0, 10_000).Select(i => Workbooks.Person(i)));
        var officer = await host.AsAsync("ward-officer");
        using var response = await UploadAsync(officer, enterprise, file);
        var request = await response.Expect(HttpStatusCode.Created);
        Assert.Equal("submitted", request.GetProperty("status").GetString());
        Assert.Equal(10_000, request.GetProperty("entryCount").GetInt32());
        var entries = request.GetProperty("entries");
        Assert.Equal(10_000, entries.GetArrayLength());
        Assert.Equal(2, entries[0].GetProperty("row").GetInt32());
        Assert.Equal(10_001, entries[9_999].GetProperty("row").GetInt32());

        using var stored = await officer.Get($"/api/v1/requests/{request.GetProperty("id").GetString()}/file");
        Assert.Equal(file, await stored.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Every_bad_row_is_reported_in_one_422_and_nothing_is_stored()
    {
        var enterprise = await host.RegisterEnterpriseAsync(PermitsHost.WardCode);
        var good = Workbooks.Person(1);
        var style = new Workbooks.Style(DatesAsSerials: false);
        object?[] Row(PersonRow p) => Workbooks.Cells(p, style);
        var rows = new List<object?[]>
        {
            Row(good),                                                                // row 2: fine
            Row(good with { FullName = "" }),                                          // row 3: no name, and a duplicate ID of row 2
            Row(Workbooks.Person(3) with { IdNumber = "999123456789" }),               // row 4: no such province
            Row(Workbooks.Person(4) with { Gender = "Nữ" }),                           // row 5: CCCD says a man
            Row(Workbooks.Person(5) with { DateOfBirth = new DateOnly(1999, 1, 1) }),  // row 6: CCCD says another year
            Row(Workbooks.Person(6) with { Phone = "12345" }),                         // row 7: not a phone number
            Row(Workbooks.Person(7)).Select((c, i) => i == 2 ? (object?)"31/02/1990" : c).ToArray(), // row 8: no such date
            Row(Workbooks.Person(8) with { Gender = "Khác", Residence = "" }),         // row 9: two errors
        };
        var file = Workbooks.FillCells(await TemplateAsync(host), rows, style);
        var client = await host.AsAsync("ward-officer");
        var errors = await RowErrorsAsync(client, enterprise, file);
        Assert.Contains(errors, e => e is { Row: 3, Column: "A" });
        Assert.Contains(errors, e => e is { Row: 3, Column: "B" } && e.Message.Contains("dòng 2", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 4, Column: "B" } && e.Message.Contains("999", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 5, Column: "B" } && e.Message.Contains("giới tính", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 6, Column: "B" } && e.Message.Contains("1999", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 7, Column: "E" });
        Assert.Contains(errors, e => e is { Row: 8, Column: "C" } && e.Message.Contains("31/02/1990", StringComparison.Ordinal));
        Assert.Contains(errors, e => e is { Row: 9, Column: "D" });
        Assert.Contains(errors, e => e is { Row: 9, Column: "G" });
        Assert.DoesNotContain(errors, e => e.Row == 2);

        using var list = await client.Get($"/api/v1/requests?status=submitted&enterpriseId={enterprise}");
        Assert.Empty((await list.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    [Theory]
    [InlineData(false, false, false)]
    [InlineData(true, true, true)]
    [InlineData(false, true, true)]
    public async Task Cells_are_read_however_the_spreadsheet_stored_them(bool sharedStrings, bool datesAsSerials, bool idsAsNumbers)
    {
        var enterprise = await host.RegisterEnterpriseAsync(PermitsHost.WardCode);
        var people = Enumerable.Range(0, 4).Select(i => Workbooks.Person(i)).ToList();
        var file = Workbooks.Fill(await TemplateAsync(host), people, new Workbooks.Style(sharedStrings, datesAsSerials, idsAsNumbers));
        using var response = await UploadAsync(await host.AsAsync("ward-officer"), enterprise, file);
        var entries = (await response.Expect(HttpStatusCode.Created)).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(people.Select(p => p.IdNumber), entries.Select(e => e.GetProperty("idNumber").GetString()));
        Assert.Equal(people.Select(p => p.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            entries.Select(e => e.GetProperty("dateOfBirth").GetString()));
        Assert.Equal("female", entries[1].GetProperty("gender").GetString());
        Assert.StartsWith("048", entries[0].GetProperty("idNumber").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_are_normalised_without_changing_their_letters()
    {
        var enterprise = await host.RegisterEnterpriseAsync(PermitsHost.WardCode);
        var decomposed = "  Nguye\u0302\u0303n   Thi\u0323 Ha\u0300  "; // NFD with extra spaces
        var file = Workbooks.Fill(await TemplateAsync(host), [Workbooks.Person(3, decomposed)]);
        using var response = await UploadAsync(await host.AsAsync("ward-officer"), enterprise, file);
        var entry = (await response.Expect(HttpStatusCode.Created)).GetProperty("entries")[0];
        Assert.Equal("Nguyễn Thị Hà", entry.GetProperty("fullName").GetString());
    }

    [Fact]
    public async Task A_template_resaved_by_libreoffice_is_accepted()
    {
        var enterprise = await host.RegisterEnterpriseAsync(PermitsHost.WardCode);
        var file = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "libreoffice-resaved.xlsx"), TestContext.Current.CancellationToken);
        using var response = await UploadAsync(await host.AsAsync("ward-officer"), enterprise, file);
        var entries = (await response.Expect(HttpStatusCode.Created)).GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["048060552202", "048161552203", "048062552204"], entries.Select(e => e.GetProperty("idNumber").GetString()));
        Assert.Equal("Trần Thị Hồng Ă", entries[1].GetProperty("fullName").GetString());
        Assert.Equal("1962-03-03", entries[2].GetProperty("dateOfBirth").GetString());
    }

    [Fact]
    public async Task Files_that_are_not_the_template_are_refused_with_a_message_that_says_why()
    {
        var enterprise = await host.RegisterEnterpriseAsync(PermitsHost.WardCode);
        var client = await host.AsAsync("ward-officer");
        var template = await TemplateAsync(host);

        async Task<string> Refusal(byte[] file, string name, string type = "application/octet-stream")
        {
            using var response = await UploadAsync(client, enterprise, file, fileName: name, contentType: type);
            return (await response.ExpectProblem(HttpStatusCode.BadRequest, "invalid_template")).GetProperty("detail").GetString()!;
        }

        Assert.Contains(".xlsx", await Refusal(Encoding.UTF8.GetBytes("Họ và tên,Số CCCD\nNguyễn Văn A,048090000001\n"), "danh-sach.csv", "text/csv"), StringComparison.Ordinal);
        Assert.Contains("97-2003", await Refusal([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0], "danh-sach.xls"), StringComparison.Ordinal);
        // A real .xls: the template saved as Excel 97-2003 by LibreOffice (Fixtures/README.md), sent under its own type.
        var xls = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Fixtures", "template.xls"), TestContext.Current.CancellationToken);
        Assert.Contains("Excel 97-2003", await Refusal(xls, "danh-sach.xls", "application/vnd.ms-excel"), StringComparison.Ordinal);
        Assert.Contains("\"Danh sách\"", await Refusal(Workbooks.RenameSheet(template, "Danh sách", "Sheet1"), "renamed.xlsx"), StringComparison.Ordinal);
        Assert.Contains("Sheet1", await Refusal(Workbooks.RenameSheet(template, "Danh sách", "Sheet1"), "renamed.xlsx"), StringComparison.Ordinal);
        Assert.Contains("mẫu", await Refusal(Workbooks.RenameSheet(template, "_template", "Ghi chú"), "other.xlsx"), StringComparison.Ordinal);
        var changedHeader = Workbooks.SetHeader(template, "C1", "Ngay sinh");
        Assert.Contains("Cột C", await Refusal(changedHeader, "header.xlsx"), StringComparison.Ordinal);
        Assert.Contains("giải nén", await Refusal(ZipBomb(), "bomb.xlsx"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_small_file_whose_shared_strings_inflate_past_the_limit_is_refused_and_nothing_is_stored()
    {
        var enterprise = await host.RegisterEnterpriseAsync(PermitsHost.WardCode);
        var filled = Workbooks.Fill(await TemplateAsync(host), Enumerable.Range(0, 3).Select(i => Workbooks.Person(i)));
        // 47 MiB of distinct 400-character strings after the list's own: the file stays small.
        var file = Workbooks.RewritePart(filled, w => w.SharedStringTablePart!, (xml, writer) =>
        {
            var end = xml.LastIndexOf("</", StringComparison.Ordinal);
            writer.Write(xml[..end]);
            var filler = new string('x', 400);
            for (var i = 0; i < 47 * 1024 * 1024 / 460; i++)
            {
                writer.Write($"<si xmlns=\"{SpreadsheetNs}\"><t>{i:D8} {filler}</t></si>");
            }
            writer.Write(xml[end..]);
        });
        Assert.True(file.Length < 2 * 1024 * 1024, $"the bomb is {file.Length} bytes");

        var detail = await RefusedTemplateAsync(enterprise, file);
        Assert.Contains("sharedStrings.xml", detail, StringComparison.Ordinal);
        Assert.Contains("giải nén", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_with_one_enormous_row_is_refused_naming_the_row()
    {
        var enterprise = await host.RegisterEnterpriseAsync(PermitsHost.WardCode);
        var filled = Workbooks.Fill(await TemplateAsync(host), Enumerable.Range(0, 3).Select(i => Workbooks.Person(i)), new Workbooks.Style(TrailingBlankRows: 0));
        // Row 5: 200,000 cells right of column I, some 9 MB of XML in one row.
        var file = Workbooks.RewritePart(filled, Workbooks.DataSheet, (xml, writer) =>
        {
            var closing = xml.IndexOf("sheetData>", xml.IndexOf("sheetData>", StringComparison.Ordinal) + 1, StringComparison.Ordinal);
            var end = xml.LastIndexOf("</", closing, StringComparison.Ordinal); // </x:sheetData>
            writer.Write(xml[..end]);
            writer.Write($"<row r=\"5\" xmlns=\"{SpreadsheetNs}\">");
            for (var i = 0; i < 200_000; i++)
            {
                writer.Write($"<c r=\"{Workbooks.ColumnName(9 + (i % 16_000))}5\" t=\"inlineStr\"><is><t>x</t></is></c>");
            }
            writer.Write("</row>");
            writer.Write(xml[end..]);
        });

        var detail = await RefusedTemplateAsync(enterprise, file);
        Assert.Contains("Dòng 5", detail, StringComparison.Ordinal);
        Assert.Contains("cột I", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_cell_longer_than_the_cell_limit_is_a_row_error_naming_its_cell(bool sharedStrings)
    {
        var enterprise = await host.RegisterEnterpriseAsync(PermitsHost.WardCode);
        var style = new Workbooks.Style(SharedStrings: sharedStrings);
        List<object?[]> rows =
        [
            [.. Workbooks.Cells(Workbooks.Person(0), style), new string('a', 501)],                  // row 2: a note of 501 characters
            Workbooks.Cells(Workbooks.Person(1, fullName: string.Concat(Enumerable.Repeat("Nguyễn Văn An ", 5_000))), style), // row 3: a 70,000-character name
            [.. Workbooks.Cells(Workbooks.Person(2), style), new string('b', 500)],                  // row 4: a note of 500 characters, fine
        ];
        var file = Workbooks.FillCells(await TemplateAsync(host), rows, style);

        var client = await host.AsAsync("ward-officer");
        var errors = await RowErrorsAsync(client, enterprise, file);
        Assert.Equal([(2, "I"), (3, "A")], errors.Select(e => (e.Row, e.Column)));
        Assert.All(errors, e => Assert.Contains("500 ký tự", e.Message, StringComparison.Ordinal));
        await AssertNothingStoredAsync(client, enterprise);
    }

    [Fact]
    public async Task Uploads_are_checked_before_reading_the_file()
    {
        var pending = await PendingEnterpriseAsync();
        var officer = await host.AsAsync("ward-officer");
        var file = Workbooks.Fill(await TemplateAsync(host), [Workbooks.Person(0)]);
        using (var notActive = await UploadAsync(officer, pending, file))
        {
            await notActive.ExpectProblem(HttpStatusCode.Conflict, "enterprise_not_active");
        }
        using (var badKind = await UploadAsync(officer, host.EnterpriseId, file, kind: "everything"))
        {
            Assert.True((await badKind.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("kind", out _));
        }
        using (var json = await officer.PostJson($"/api/v1/enterprises/{host.EnterpriseId}/requests", new { kind = "addition" }))
        {
            await json.ExpectProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        }
        var enterprise = await host.AsAsync("enterprise");
        using var foreign = await UploadAsync(enterprise, host.OtherEnterpriseId, file);
        await foreign.ExpectProblem(HttpStatusCode.NotFound, "not_found");
    }

    private const string SpreadsheetNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>Uploads the file: a 422 <c>invalid_rows</c>; its row errors in order.</summary>
    private static async Task<List<(int Row, string Column, string Message)>> RowErrorsAsync(HttpClient client, Guid enterprise, byte[] file)
    {
        using var response = await UploadAsync(client, enterprise, file);
        var problem = await response.ExpectProblem(HttpStatusCode.UnprocessableEntity, "invalid_rows");
        return problem.GetProperty("rowErrors").EnumerateArray()
            .Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("column").GetString()!, e.GetProperty("message").GetString()!))
            .ToList();
    }

    /// <summary>Uploads the file as the ward officer: a 400 <c>invalid_template</c> that stored nothing; its detail.</summary>
    private async Task<string> RefusedTemplateAsync(Guid enterprise, byte[] file)
    {
        var client = await host.AsAsync("ward-officer");
        using var response = await UploadAsync(client, enterprise, file);
        var detail = (await response.ExpectProblem(HttpStatusCode.BadRequest, "invalid_template")).GetProperty("detail").GetString()!;
        await AssertNothingStoredAsync(client, enterprise);
        return detail;
    }

    private static async Task AssertNothingStoredAsync(HttpClient client, Guid enterprise)
    {
        using var list = await client.Get($"/api/v1/requests?status=submitted&enterpriseId={enterprise}");
        Assert.Empty((await list.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
    }

    private async Task<Guid> PendingEnterpriseAsync()
    {
        using var response = await host.Anonymous().PostJson("/api/v1/enterprises/registrations", new
        {
            name = "Công ty Chờ Duyệt", taxCode = TestData.TaxCode(), wardCode = PermitsHost.WardCode, address = "3 Lê Lợi",
            contactEmail = Http.Unique("w") + "@tests.local", contactPhone = "0905000111", workforce = 10,
        });
        return (await response.Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>A small zip whose one entry inflates to 300 MB of zeros.</summary>
    private static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++)
            {
                entry.Write(zeros);
            }
        }
        return stream.ToArray();
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class RequestTestsOnSqlite(SqliteHost host) : RequestTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class RequestTestsOnPostgres(PostgresHost host) : RequestTests(host);
