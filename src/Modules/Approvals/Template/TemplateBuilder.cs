using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace TravelPermits.Approvals.Template;

/// <summary>
/// Writes the Excel template: a data sheet with Vietnamese headers, the ID column formatted as
/// text (leading zeros survive typing), the date column as dd/mm/yyyy, a Nam/Nữ list, an
/// instructions sheet and the hidden marker sheet.
/// </summary>
internal static class TemplateBuilder
{
    private const uint TextStyle = 1;
    private const uint DateStyle = 2;
    private const uint HeaderStyle = 3;
    private const uint WrapStyle = 4;

    public static byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var sheets = workbook.Workbook.AppendChild(new Sheets());

            AddSheet(workbook, sheets, 1, TemplateLayout.DataSheet, DataSheet(), SheetStateValues.Visible);
            AddSheet(workbook, sheets, 2, TemplateLayout.InstructionsSheet, InstructionsSheet(), SheetStateValues.Visible);
            AddSheet(workbook, sheets, 3, TemplateLayout.MarkerSheet, MarkerSheet(), SheetStateValues.Hidden);
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, Worksheet worksheet, SheetStateValues state)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name, State = state });
    }

    private static Worksheet DataSheet()
    {
        var columns = new Columns();
        for (var i = 0; i < TemplateLayout.Columns.Length; i++)
        {
            var index = (uint)(i + 1);
            var style = i switch
            {
                TemplateLayout.IdNumber or TemplateLayout.Phone => TextStyle,
                TemplateLayout.DateOfBirth => DateStyle,
                _ => 0u,
            };
            columns.Append(new Column
            {
                Min = index, Max = index, Width = TemplateLayout.Columns[i].Width, CustomWidth = true,
                Style = style, // new cells typed in this column take its format
            });
        }
        var header = new Row { RowIndex = 1 };
        foreach (var column in TemplateLayout.Columns)
        {
            header.Append(TextCell($"{column.Letter}1", column.Header, HeaderStyle));
        }
        var last = TemplateLayout.MaxRows + 1;
        var validations = new DataValidations(
            new DataValidation(new Formula1("\"Nam,Nữ\""))
            {
                Type = DataValidationValues.List, AllowBlank = true, ShowErrorMessage = true,
                SequenceOfReferences = new ListValue<StringValue> { InnerText = $"D2:D{last}" },
                ErrorTitle = "Giới tính", Error = "Chọn Nam hoặc Nữ.",
            },
            new DataValidation(new Formula1("9"), new Formula2("12"))
            {
                Type = DataValidationValues.TextLength, Operator = DataValidationOperatorValues.Between, AllowBlank = true,
                ShowErrorMessage = true, SequenceOfReferences = new ListValue<StringValue> { InnerText = $"B2:B{last}" },
                ErrorTitle = "Số CCCD/CMND", Error = "CCCD gồm 12 chữ số, CMND gồm 9 chữ số.",
            })
        { Count = 2 };
        return new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
            { WorkbookViewId = 0, TabSelected = true }),
            new SheetFormatProperties { DefaultRowHeight = 15 },
            columns,
            new SheetData(header),
            validations);
    }

    private static Worksheet InstructionsSheet()
    {
        string[] lines =
        [
            "HƯỚNG DẪN ĐIỀN DANH SÁCH ĐỀ NGHỊ CẤP GIẤY ĐI ĐƯỜNG",
            "",
            $"1. Điền mỗi người một dòng ở trang \"{TemplateLayout.DataSheet}\", bắt đầu từ dòng 2. Không đổi tên trang, không thêm, bớt hay đổi tên cột.",
            "2. Không nhập trùng một số CCCD/CMND trong cùng danh sách.",
            "3. Loại danh sách (bổ sung hoặc thay thế toàn bộ) được chọn khi gửi tệp lên hệ thống.",
            "4. Tệp có thể lưu lại bằng Excel hoặc LibreOffice, giữ định dạng .xlsx.",
            "",
            "CÁC CỘT",
        ];
        var data = new SheetData();
        uint row = 1;
        foreach (var line in lines)
        {
            data.Append(new Row(TextCell($"A{row}", line, row == 1 ? HeaderStyle : WrapStyle)) { RowIndex = row });
            row++;
        }
        foreach (var column in TemplateLayout.Columns)
        {
            data.Append(new Row(TextCell($"A{row}", $"{column.Letter}. {column.Header}: {column.Hint}", WrapStyle)) { RowIndex = row });
            row++;
        }
        return new Worksheet(new Columns(new Column { Min = 1, Max = 1, Width = 120, CustomWidth = true }), data);
    }

    private static Worksheet MarkerSheet() => new(new SheetData(
        new Row(TextCell("A1", TemplateLayout.Marker, 0)) { RowIndex = 1 },
        new Row(new Cell { CellReference = "A2", CellValue = new CellValue(TemplateLayout.Version), DataType = CellValues.Number }) { RowIndex = 2 }));

    private static Cell TextCell(string reference, string text, uint style) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style,
    };

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE2EFDA" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Center })
            { NumberFormatId = 0, FontId = 1, FillId = 2, BorderId = 0, FormatId = 0, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
            new CellFormat(new Alignment { WrapText = true }) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true })
        { Count = 5 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
