using System.Text.Json;
using System.Text.Json.Serialization;
using TravelPermits.Enterprises.Contracts;
using Xunit;

namespace TravelPermits.Enterprises.Tests;

/// <summary>The status is an enum in code and the contract's lower-case name on the wire and in the database.</summary>
public sealed class EnterpriseStatusTests
{
    [Theory]
    [InlineData(EnterpriseStatus.Pending, "pending")]
    [InlineData(EnterpriseStatus.Active, "active")]
    [InlineData(EnterpriseStatus.Rejected, "rejected")]
    public void Json_and_database_spell_each_status_as_the_contract_does(EnterpriseStatus status, string name)
    {
        Assert.Equal(name, status.Name());
        Assert.Equal(status, EnterpriseStatusNames.Parse(name));
        // Whatever options serialize it: the Host's (a string converter without naming policy), the audit's (none).
        var host = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        foreach (var options in new[] { host, new JsonSerializerOptions(JsonSerializerDefaults.Web) })
        {
            Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(status, options));
            Assert.Equal(status, JsonSerializer.Deserialize<EnterpriseStatus>($"\"{name}\"", options));
        }
    }

    [Theory]
    [InlineData("Active")]
    [InlineData("bogus")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_the_exact_names_are_statuses(string? name) => Assert.Null(EnterpriseStatusNames.Find(name));
}
