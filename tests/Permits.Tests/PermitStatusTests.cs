using System.Text.Json;
using TravelPermits.Permits.Contracts;
using Xunit;

namespace TravelPermits.Permits.Tests;

/// <summary>A permit's status is spelled the contract's way in JSON and in the database alike.</summary>
public sealed class PermitStatusTests
{
    [Theory]
    [InlineData(PermitStatus.Approved, "approved")]
    [InlineData(PermitStatus.Stamped, "stamped")]
    [InlineData(PermitStatus.Issued, "issued")]
    [InlineData(PermitStatus.Revoked, "revoked")]
    [InlineData(PermitStatus.Expired, "expired")]
    public void Each_status_has_one_name_for_json_and_the_database(PermitStatus status, string name)
    {
        Assert.Equal(name, status.Name());
        Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(status, JsonSerializerOptions.Web));
        Assert.Equal(status, JsonSerializer.Deserialize<PermitStatus>($"\"{name}\"", JsonSerializerOptions.Web));
        Assert.Equal(status, PermitStatuses.Parse(name));
    }

    [Fact]
    public void A_name_is_recognised_in_any_case_and_an_unknown_one_is_not()
    {
        Assert.True(PermitStatuses.TryParse("Revoked", out var revoked));
        Assert.Equal(PermitStatus.Revoked, revoked);
        Assert.False(PermitStatuses.TryParse("active", out _));
        Assert.False(PermitStatuses.TryParse(null, out _));
        Assert.Throws<InvalidOperationException>(() => PermitStatuses.Parse("active"));
    }

    [Fact]
    public void Live_permits_are_those_in_force_or_waiting_for_their_stamp()
    {
        Assert.Equal([PermitStatus.Approved, PermitStatus.Stamped, PermitStatus.Issued], PermitStatuses.Live);
        Assert.Equal(5, Enum.GetValues<PermitStatus>().Length);
    }
}
