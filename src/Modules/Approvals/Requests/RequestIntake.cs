using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Approvals.People;
using TravelPermits.Approvals.Persistence;
using TravelPermits.Approvals.Template;
using TravelPermits.Enterprises.Contracts;
using TravelPermits.SharedKernel.Audit;
using TravelPermits.SharedKernel.Localization;
using TravelPermits.SharedKernel.Problems;
using TravelPermits.SharedKernel.Security;

namespace TravelPermits.Approvals.Requests;

/// <summary>
/// Turns an uploaded template into a request: reads it, checks every row, and stores the
/// request, its entries and the file in one transaction, or nothing at all (422 with every row
/// error at once).
/// </summary>
internal sealed class RequestIntake(
    ApprovalsDbContext db,
    IEnterpriseDirectory enterprises,
    IGrainFactory grains,
    IEnumerable<IPermitHolderLookup> holders,
    TimeProvider time,
    ActorAccessor actor)
{
    private static readonly LocalizedText EnterpriseNoun = new("doanh nghiệp", "enterprise");
    private static readonly LocalizedText NotActive = new("Doanh nghiệp chưa được kích hoạt.", "The enterprise is not active.");

    /// <summary>The enterprise a list is uploaded for, if the caller covers it; 404 otherwise.</summary>
    public async Task<EnterpriseInfo> EnterpriseAsync(Guid enterpriseId, CallerScope caller, CancellationToken ct)
    {
        var enterprise = await enterprises.FindAsync(enterpriseId, ct);
        return enterprise is not null && caller.CoversEnterprise(enterprise.Id, enterprise.CityCode, enterprise.WardCode)
            ? enterprise
            : throw ProblemException.NotFound(EnterpriseNoun);
    }

    /// <summary>Stores the uploaded list as a request of an active enterprise (409 <c>enterprise_not_active</c> otherwise).</summary>
    public async Task<(Request Request, List<Entry> Entries)> SubmitAsync(EnterpriseInfo enterprise, UploadForm form, CancellationToken ct)
    {
        if (enterprise.Status != Enterprises.Contracts.EnterpriseStatus.Active)
        {
            throw ProblemException.Conflict("enterprise_not_active", NotActive);
        }
        using var buffer = new MemoryStream();
        await form.File.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var sheet = TemplateReader.Read(new MemoryStream(content, writable: false));
        var now = time.GetUtcNow();
        var people = await CheckRowsAsync(sheet, enterprise.Id, form.Kind, now, ct);

        var chain = (await grains.GetGrain<IWardGrain>(enterprise.WardCode).GetPolicyAsync()).Chain;
        var request = new Request
        {
            Kind = form.Kind,
            EnterpriseId = enterprise.Id,
            CityCode = enterprise.CityCode,
            WardCode = enterprise.WardCode,
            Status = RequestStatus.Submitted,
            RequiresVerification = chain.PoliceVerify,
            Note = string.IsNullOrWhiteSpace(form.Note) ? null : SharedKernel.Text.VietnameseText.Normalize(form.Note),
            SubmittedBy = actor.Current.Name,
            SubmittedAt = now,
            EntryCount = people.Count,
            FileName = SafeFileName(form.File.FileName),
            NotifyEmail = enterprise.ContactEmail,
        };
        var entries = people.Select(p => new Entry
        {
            RequestId = request.Id, Row = p.Row, FullName = p.Person.FullName, IdNumber = p.Person.IdNumber,
            DateOfBirth = p.Person.DateOfBirth, Gender = p.Person.Gender, Phone = p.Person.Phone, Position = p.Person.Position,
            Residence = p.Person.Residence, Workplace = p.Person.Workplace, Status = EntryStatus.Pending,
        }).ToList();

        db.Requests.Add(request);
        db.Entries.AddRange(entries);
        // Served back as the template's type whatever the client claimed, so the stored file cannot become a page.
        db.Files.Add(new RequestFile { RequestId = request.Id, FileName = request.FileName!, ContentType = TemplateLayout.ContentType, Content = content });
        db.Audit(actor.Current, "request.submitted", "request", request.Id.ToString(), now,
            new { kind = form.Kind.WireName(), entries = entries.Count, enterpriseId = enterprise.Id, request.FileName }, request.CityCode, request.WardCode);
        var previous = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false; // thousands of new rows: nothing to compare
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = previous;
        }
        return (request, entries);
    }

    private async Task<List<(int Row, Person Person)>> CheckRowsAsync(SheetContent sheet, Guid enterpriseId, RequestKind kind, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Cultures.VietnamTime).DateTime);
        var errors = new List<RowError>();
        var people = new List<(int Row, Person Person)>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var row in sheet.Rows)
        {
            var text = TextOf(row, sheet.Date1904);
            var (person, problems) = PersonRules.Check(text, today);
            // A cell cut at the cell limit is reported as such, not by the checks of its cut text.
            var overlong = Enumerable.Range(0, row.Cells.Length).Where(c => row.Cells[c].TooLong).ToList();
            errors.AddRange(overlong.Select(c => CellTooLong(row.Row, c)));
            errors.AddRange(problems.Where(p => !row.Cells[(int)p.Field].TooLong).Select(p => Error(row.Row, p.Field, p.Message)));
            var id = PersonRules.CleanIdNumber(text.IdNumber);
            if (id.Length > 0 && problems.All(p => p.Field != PersonField.IdNumber))
            {
                if (seen.TryGetValue(id, out var first))
                {
                    errors.Add(Error(row.Row, PersonField.IdNumber, PersonRules.Texts.DuplicateInFile.Format(first)));
                    continue;
                }
                seen[id] = row.Row;
            }
            if (person is not null && overlong.Count == 0)
            {
                people.Add((row.Row, person));
            }
        }
        if (sheet.Rows.Count == 0)
        {
            errors.Add(new RowError(2, "A", TemplateLayout.Columns[0].Header, Texts.Empty.Resolve()));
        }

        var ids = people.Select(p => p.Person.IdNumber).ToList();
        if (kind == RequestKind.Addition && ids.Count > 0)
        {
            var approved = (await db.Approved.AsNoTracking()
                .Where(a => a.EnterpriseId == enterpriseId && a.Active)
                .Select(a => a.IdNumber).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
            errors.AddRange(people.Where(p => approved.Contains(p.Person.IdNumber))
                .Select(p => Error(p.Row, PersonField.IdNumber, PersonRules.Texts.AlreadyApproved)));
        }
        foreach (var lookup in holders)
        {
            var elsewhere = await lookup.HoldersElsewhereAsync(ids, enterpriseId, ct);
            errors.AddRange(people.Where(p => elsewhere.Contains(p.Person.IdNumber))
                .Select(p => Error(p.Row, PersonField.IdNumber, PersonRules.Texts.HoldsPermitElsewhere)));
        }

        if (errors.Count > 0)
        {
            var ordered = errors.OrderBy(e => e.Row).ThenBy(e => e.Column, StringComparer.Ordinal).ToList();
            throw new ProblemException(422, "invalid_rows", Texts.InvalidRows.Format(ordered.Select(e => e.Row).Distinct().Count()),
                new Dictionary<string, object?> { ["rowErrors"] = ordered });
        }
        return people;
    }

    /// <summary>
    /// A row's cells as text. ID numbers stored as numbers lost their leading zero (a CCCD always
    /// starts with 0): 11 digits become 12, 8 become 9. Dates stored as numbers are serial dates.
    /// </summary>
    private static PersonText TextOf(SheetRow row, bool date1904)
    {
        string? Text(int column) => row.Cells[column] is { Number: { } n } ? n.ToString(CultureInfo.InvariantCulture) : row.Cells[column].Text;

        var id = row.Cells[TemplateLayout.IdNumber] is { Number: { } idNumber } && idNumber is >= 0 and < 1e12
            ? RestoreLeadingZeros(((long)Math.Round(idNumber)).ToString(CultureInfo.InvariantCulture))
            : row.Cells[TemplateLayout.IdNumber].Text;
        var serial = row.Cells[TemplateLayout.DateOfBirth].Number + (date1904 ? 1462 : 0);
        var birth = serial is > 0 and < 2_958_466
            ? DateOnly.FromDateTime(DateTime.FromOADate(serial.Value)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : Text(TemplateLayout.DateOfBirth);
        var phone = row.Cells[TemplateLayout.Phone] is { Number: { } phoneNumber }
            ? "0" + ((long)phoneNumber).ToString(CultureInfo.InvariantCulture)
            : row.Cells[TemplateLayout.Phone].Text;
        return new PersonText(Text(TemplateLayout.FullName), id, birth, Text(TemplateLayout.Gender), phone,
            Text(TemplateLayout.Position), Text(TemplateLayout.Residence), Text(TemplateLayout.Workplace));
    }

    private static string SafeFileName(string name)
    {
        var file = Path.GetFileName(name.Replace('\\', '/'));
        file = new string(file.Where(c => !char.IsControl(c) && c is not ('"' or '/')).ToArray());
        return file.Length == 0 ? TemplateLayout.FileName : file.Length > 200 ? file[^200..] : file;
    }

    /// <summary>
    /// An ID number stored as a number lost its leading zeros: a CCCD (12 digits, always starting
    /// with 0, two zeros for provinces 001-009) comes back as 10 or 11 digits, a CMND as fewer than 9.
    /// </summary>
    internal static string RestoreLeadingZeros(string digits) => digits.Length switch
    {
        10 or 11 => digits.PadLeft(12, '0'),
        < 9 => digits.PadLeft(9, '0'),
        _ => digits,
    };

    private static RowError Error(int row, PersonField field, LocalizedText message)
    {
        var column = TemplateLayout.Columns[(int)field];
        return new RowError(row, column.Letter, column.Header, message.Resolve());
    }

    private static RowError CellTooLong(int row, int column) =>
        new(row, TemplateLayout.Columns[column].Letter, TemplateLayout.Columns[column].Header,
            Texts.CellTooLong.Format(TemplateLimits.MaxCellCharacters).Resolve());

    private static class Texts
    {
        public static readonly LocalizedText CellTooLong = new(
            "Ô dài hơn {0} ký tự, giới hạn của một ô trong mẫu; hãy rút gọn.",
            "The cell is longer than {0} characters, the template's limit for a cell; shorten it.");
        public static readonly LocalizedText InvalidRows = new(
            "Danh sách có {0} dòng không hợp lệ; chưa có gì được lưu. Sửa các dòng được nêu rồi gửi lại.",
            "{0} rows of the list are invalid; nothing was stored. Correct the rows listed and send it again.");
        public static readonly LocalizedText Empty = new("Danh sách trống.", "The list is empty.");
    }
}
