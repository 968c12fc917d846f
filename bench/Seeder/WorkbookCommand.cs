using TravelPermits.TestSupport;

namespace TravelPermits.Bench.Seeder;

/// <summary>Fills the downloaded template with valid people, as the tests do (tests/TestSupport/Workbooks.cs).</summary>
internal static class WorkbookCommand
{
    public static void Run(Options options)
    {
        var template = File.ReadAllBytes(options.Required("template"));
        var rows = options.Int("rows", 10_000);
        File.WriteAllBytes(options.Required("out"), Workbooks.Fill(template, Enumerable.Range(0, rows).Select(i => Workbooks.Person(i))));
    }
}
