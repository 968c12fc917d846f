using Microsoft.Extensions.Options;
using TravelPermits.Permits.Verify;
using Xunit;

namespace TravelPermits.Permits.Tests;

public sealed class VerifiedTokensTests
{
    private static VerifiedTokens Cache(int size) => new(Options.Create(new VerifyOptions { SignatureCacheSize = size }));

    [Fact]
    public void A_token_added_is_found_with_its_permit_and_another_is_not()
    {
        var cache = Cache(10);
        var id = Guid.CreateVersion7();
        cache.Add("ABCDEF234567", id);
        Assert.True(cache.TryGet("ABCDEF234567", out var found));
        Assert.Equal(id, found);
        Assert.False(cache.TryGet("ABCDEF234568", out _));
    }

    [Fact]
    public void A_full_cache_starts_over_instead_of_growing()
    {
        var cache = Cache(3);
        for (var i = 0; i < 3; i++)
        {
            cache.Add($"TOKEN{i}", Guid.CreateVersion7());
        }
        Assert.True(cache.TryGet("TOKEN0", out _));
        cache.Add("TOKEN3", Guid.CreateVersion7()); // the fourth goes over: the first three are forgotten
        Assert.False(cache.TryGet("TOKEN0", out _));
        Assert.False(cache.TryGet("TOKEN2", out _));
    }

    [Fact]
    public void The_same_token_added_twice_takes_one_place()
    {
        var cache = Cache(2);
        var id = Guid.CreateVersion7();
        for (var i = 0; i < 5; i++)
        {
            cache.Add("SAMETOKEN", id);
        }
        cache.Add("OTHERTOKEN", Guid.CreateVersion7());
        Assert.True(cache.TryGet("SAMETOKEN", out _));
    }

    [Fact]
    public void Size_zero_remembers_nothing()
    {
        var cache = Cache(0);
        cache.Add("ABCDEF234567", Guid.CreateVersion7());
        Assert.False(cache.TryGet("ABCDEF234567", out _));
    }
}
