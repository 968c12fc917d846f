using System.Text.Json;
using System.Text.Json.Serialization;
using TravelPermits.Approvals.Contracts;
using TravelPermits.Approvals.Persistence;
using Xunit;

namespace TravelPermits.Approvals.Tests;

/// <summary>The status and kind types keep the lower-case names clients and the database already hold.</summary>
public sealed class WireNamesTests
{
    // As the Host writes JSON: a string enum converter without a naming policy.
    private static readonly JsonSerializerOptions HostJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Theory]
    [InlineData(RequestStatus.Submitted, "submitted")]
    [InlineData(RequestStatus.Verified, "verified")]
    [InlineData(RequestStatus.Approved, "approved")]
    [InlineData(RequestStatus.PartiallyApproved, "partially_approved")]
    [InlineData(RequestStatus.Rejected, "rejected")]
    public void Request_statuses_keep_their_names(RequestStatus status, string name) => AssertNamed(status, name);

    [Theory]
    [InlineData(EntryStatus.Pending, "pending")]
    [InlineData(EntryStatus.Approved, "approved")]
    [InlineData(EntryStatus.Rejected, "rejected")]
    public void Entry_statuses_keep_their_names(EntryStatus status, string name) => AssertNamed(status, name);

    [Theory]
    [InlineData(RequestKind.Addition, "addition")]
    [InlineData(RequestKind.Replacement, "replacement")]
    [InlineData(RequestKind.Individual, "individual")]
    public void Kinds_keep_their_names(RequestKind kind, string name) => AssertNamed(kind, name);

    [Theory]
    [InlineData("Approved")]
    [InlineData("PartiallyApproved")]
    [InlineData("bogus")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_names_are_no_status(string? name) => Assert.False(WireNames<RequestStatus>.TryParse(name, out _));

    private static void AssertNamed<TEnum>(TEnum value, string name) where TEnum : struct, Enum
    {
        Assert.Equal(name, value.WireName());
        Assert.Equal(name, (string?)WireNames<TEnum>.Converter.ConvertToProvider(value));
        Assert.Equal(value, WireNames<TEnum>.Converter.ConvertFromProvider(name));
        Assert.True(WireNames<TEnum>.TryParse(name, out var parsed));
        Assert.Equal(value, parsed);
        Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(value, HostJson));
        Assert.Equal(value, JsonSerializer.Deserialize<TEnum>($"\"{name}\"", HostJson));
    }
}
