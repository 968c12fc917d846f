namespace TravelPermits.Enterprises.Quota;

internal static class QuotaMath
{
    /// <summary>floor(workforce × ratio / 100), unless an official set the quota explicitly.</summary>
    public static int Quota(int workforce, int ratioPercent, int? explicitQuota) =>
        explicitQuota ?? (int)((long)workforce * ratioPercent / 100);
}
