using Xunit;

namespace TravelPermits.Web.Tests;

/// <summary>One Host process and one Chromium for all browser tests, which run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebHost>
{
    public const string Name = "web";
}
