using System.Net;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

public abstract class UserTests(PermitsHost host)
{
    [Fact]
    public async Task Admin_creates_a_ward_user_whose_city_comes_from_the_ward_and_the_creation_is_audited()
    {
        var email = Http.Unique("officer") + "@tests.local";
        var admin = await host.AsAsync("admin");
        using var response = await admin.PostJson("/api/v1/users", new
        {
            email, password = PermitsHost.Password, fullName = "  Nguyễn   Văn An ", role = "ward-officer", wardCode = PermitsHost.OtherWardCode,
        });
        var user = await response.Expect(HttpStatusCode.Created);
        Assert.Equal("Nguyễn Văn An", user.GetProperty("fullName").GetString());
        Assert.Equal(PermitsHost.CityCode, user.GetProperty("cityCode").GetString());
        var id = user.GetProperty("id").GetString();
        Assert.Equal($"/api/v1/users/{id}", response.Headers.Location?.OriginalString);

        using var audit = await admin.Get($"/api/v1/audit?entityType=user&entityId={id}");
        var items = (await audit.Expect(HttpStatusCode.OK)).GetProperty("items");
        var line = Assert.Single(items.EnumerateArray());
        Assert.Equal("user.created", line.GetProperty("action").GetString());
        Assert.Equal(PermitsHost.AdminEmail, line.GetProperty("actor").GetString());
    }

    [Theory]
    [InlineData("approver", null, null, "cityCode")]
    [InlineData("checkpoint", null, "20227", "wardCode")]
    [InlineData("ward-police", "48", null, "wardCode")]
    [InlineData("enterprise", null, null, "enterpriseId")]
    [InlineData("admin", "48", null, "cityCode")]
    public async Task A_role_without_its_scope_or_with_another_scope_is_refused(string role, string? city, string? ward, string field)
    {
        using var response = await host.TryCreateUserAsync(Http.Unique("scope") + "@tests.local", role, city, ward);
        var problem = await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task Unknown_ward_city_or_enterprise_is_refused()
    {
        using var ward = await host.TryCreateUserAsync(Http.Unique("w") + "@tests.local", "area-police", ward: "99999");
        Assert.True((await ward.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("wardCode", out _));
        using var city = await host.TryCreateUserAsync(Http.Unique("c") + "@tests.local", "approver", city: "99");
        Assert.True((await city.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("cityCode", out _));
        using var enterprise = await host.TryCreateUserAsync(Http.Unique("e") + "@tests.local", "enterprise", enterprise: Guid.NewGuid());
        Assert.True((await enterprise.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("enterpriseId", out _));
    }

    [Theory]
    [InlineData("a@b")]
    [InlineData("hr@cty..vn")]
    [InlineData("hr@cty,vn")]
    [InlineData("hr;x@cty.vn")]
    [InlineData("nguyen van a@gmail.com")]
    public async Task Emails_a_mail_server_would_refuse_are_refused(string email)
    {
        using var response = await host.TryCreateUserAsync(email, "checkpoint", city: PermitsHost.CityCode);
        var errors = (await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors");
        Assert.Equal("Địa chỉ email không hợp lệ.", errors.GetProperty("email")[0].GetString());
    }

    [Fact]
    public async Task Emails_with_tags_and_subdomains_are_accepted()
    {
        var email = Http.Unique("nguyen.van.a") + "+kiemsoat@mail.danang.gov.vn";
        using var response = await host.TryCreateUserAsync(email, "checkpoint", city: PermitsHost.CityCode);
        Assert.Equal(email, (await response.Expect(HttpStatusCode.Created)).GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("short1A")]
    [InlineData("alllowercase123")]
    [InlineData("NoDigitsHereAtAll")]
    public async Task Weak_passwords_are_refused_with_the_policy_in_the_message(string password)
    {
        var admin = await host.AsAsync("admin");
        using var response = await admin.PostJson("/api/v1/users", new
        {
            email = Http.Unique("weak") + "@tests.local", password, fullName = "Yếu", role = "checkpoint", cityCode = PermitsHost.CityCode,
        });
        var problem = await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        var message = problem.GetProperty("errors").GetProperty("password")[0].GetString();
        Assert.StartsWith("Mật khẩu", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_email_twice_is_a_409()
    {
        var email = Http.Unique("twice") + "@tests.local";
        await host.CreateUserAsync(email, "checkpoint", city: PermitsHost.CityCode);
        using var again = await host.TryCreateUserAsync(email.ToUpperInvariant(), "checkpoint", city: PermitsHost.CityCode);
        await again.ExpectProblem(HttpStatusCode.Conflict, "duplicate_email");
    }

    [Fact]
    public async Task Admin_lists_and_reads_users()
    {
        var admin = await host.AsAsync("admin");
        using var list = await admin.Get("/api/v1/users?role=ward-police&limit=1");
        var page = await list.Expect(HttpStatusCode.OK);
        var first = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.NotNull(page.GetProperty("nextCursor").GetString());
        using var next = await admin.Get($"/api/v1/users?role=ward-police&limit=1&cursor={page.GetProperty("nextCursor").GetString()}");
        var second = Assert.Single((await next.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        Assert.NotEqual(first.GetProperty("id").GetString(), second.GetProperty("id").GetString());

        using var one = await admin.Get($"/api/v1/users/{first.GetProperty("id").GetString()}");
        Assert.Equal("ward-police", (await one.Expect(HttpStatusCode.OK)).GetProperty("role").GetString());
        using var missing = await admin.Get($"/api/v1/users/{Guid.NewGuid()}");
        await missing.ExpectProblem(HttpStatusCode.NotFound, "not_found");
        using var badLimit = await admin.Get("/api/v1/users?limit=501");
        await badLimit.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        using var badCursor = await admin.Get("/api/v1/users?cursor=%%%");
        await badCursor.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class UserTestsOnSqlite(SqliteHost host) : UserTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class UserTestsOnPostgres(PostgresHost host) : UserTests(host);
