namespace TravelPermits.SharedKernel.Validation;

public static class ValidationNames
{
    /// <summary>A property path as the JSON names it: <c>Data[0].Level2s</c> becomes <c>data[0].level2s</c>.</summary>
    public static string JsonName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
