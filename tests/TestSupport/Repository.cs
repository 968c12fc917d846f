namespace TravelPermits.TestSupport;

/// <summary>Where the repository and the shared data beside it are, found from the test's output folder.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The national catalogue of administrative units (../shared/data), the tests' real input.</summary>
    public static string Catalogue =>
        Path.Combine(Environment.GetEnvironmentVariable("PERMITS_SHARED_DIR") ?? Path.Combine(Root, "..", "shared"),
            "data", "dvhcvn-2021-07-01.json");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TravelPermits.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("TravelPermits.slnx not found above " + AppContext.BaseDirectory);
    }
}
