using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Text;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>The contract's conventions: every error is problem+json with a code, in the caller's language.</summary>
public abstract class ConventionsTests(PermitsHost host)
{
    [Fact]
    public async Task Anonymous_call_to_a_protected_route_is_a_401_problem()
    {
        using var response = await host.Anonymous().Get("/api/v1/enterprises");
        var problem = await response.ExpectProblem(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bạn cần đăng nhập.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        var admin = await host.AsAsync("admin");
        using var response = await admin.Get("/api/v1/no-such-thing");
        await response.ExpectProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem()
    {
        var admin = await host.AsAsync("admin");
        using var response = await admin.DeleteAsync("/api/v1/users", TestContext.Current.CancellationToken);
        await response.ExpectProblem(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task Wrong_media_type_is_a_415_problem()
    {
        var admin = await host.AsAsync("admin");
        using var content = new StringContent("email=x", Encoding.UTF8, "application/x-www-form-urlencoded");
        using var response = await admin.PostAsync("/api/v1/users", content, TestContext.Current.CancellationToken);
        await response.ExpectProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Anonymous_callers_get_the_404_405_and_415_of_the_route_not_a_401()
    {
        var anonymous = host.Anonymous();
        using (var unknown = await anonymous.Get("/api/v1/no-such-thing"))
        {
            await unknown.ExpectProblem(HttpStatusCode.NotFound, "not_found");
        }
        using (var method = await anonymous.Get("/api/v1/auth/login"))
        {
            await method.ExpectProblem(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
            Assert.Contains("POST", method.Content.Headers.Allow);
        }
        using var text = new StringContent("email=x", Encoding.UTF8, "text/plain");
        using (var media = await anonymous.PostAsync("/api/v1/auth/login", text, TestContext.Current.CancellationToken))
        {
            await media.ExpectProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        }
        // A protected path under a method it does not have: the 405 says so without a sign-in.
        using var protectedRoute = await anonymous.DeleteAsync("/api/v1/users", TestContext.Current.CancellationToken);
        await protectedRoute.ExpectProblem(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_validation_problem_without_internals()
    {
        var admin = await host.AsAsync("admin");
        using var content = new StringContent("{\"email\": ", Encoding.UTF8, "application/json");
        using var response = await admin.PostAsync("/api/v1/users", content, TestContext.Current.CancellationToken);
        var problem = await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
        Assert.DoesNotContain("   at ", problem.ToString(), StringComparison.Ordinal);
        // In the caller's language, not the JSON parser's English.
        Assert.StartsWith("Nội dung JSON không hợp lệ ở dòng 1", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("BytePositionInLine", problem.ToString(), StringComparison.Ordinal);

        using var typed = new StringContent("{\"email\": 12}", Encoding.UTF8, "application/json");
        using var wrongType = await admin.PostAsync("/api/v1/users", typed, TestContext.Current.CancellationToken);
        var typeProblem = await wrongType.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("Giá trị của \"email\" không đúng kiểu.", typeProblem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Validation_errors_come_all_at_once_in_vietnamese_by_default()
    {
        var admin = await host.AsAsync("admin");
        using var response = await admin.PostJson("/api/v1/users", new { email = "not-an-email", password = "", fullName = "", role = "pilot" });
        var problem = await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "email", "password", "fullName", "role" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.Equal("Vai trò không hợp lệ.", errors.GetProperty("role")[0].GetString());
        Assert.Equal("Dữ liệu gửi lên không hợp lệ.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Accept_language_en_gives_english_messages()
    {
        var admin = await host.AsAsync("admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using var response = await admin.PostJson("/api/v1/users", new { email = "x@tests.local", password = "p", fullName = "X", role = "pilot" });
        var problem = await response.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        Assert.Equal("Unknown role.", problem.GetProperty("errors").GetProperty("role")[0].GetString());
        Assert.Equal("Bad request.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Errors_raised_by_handlers_and_by_the_framework_are_in_english_when_asked()
    {
        var admin = await host.AsAsync("admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using var missing = await admin.Get($"/api/v1/users/{Guid.NewGuid()}");
        var problem = await missing.ExpectProblem(HttpStatusCode.NotFound, "not_found");
        Assert.Equal("Not found.", problem.GetProperty("title").GetString());
        Assert.Equal("The user was not found.", problem.GetProperty("detail").GetString());
        using var unknownRoute = await admin.Get("/api/v1/nowhere");
        Assert.Equal("Not found.", (await unknownRoute.ExpectProblem(HttpStatusCode.NotFound, "not_found")).GetProperty("title").GetString());
        using var vietnamese = await (await host.AsAsync("admin")).Get($"/api/v1/users/{Guid.NewGuid()}");
        Assert.Equal("Không tìm thấy người dùng.", (await vietnamese.ExpectProblem(HttpStatusCode.NotFound, "not_found")).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Health_openapi_and_swagger_answer()
    {
        var client = host.Anonymous();
        using (var live = await client.Get("/health/live"))
        {
            await live.Expect(HttpStatusCode.OK);
        }
        using (var ready = await client.Get("/health/ready"))
        {
            await ready.Expect(HttpStatusCode.OK);
        }
        using (var openapi = await client.Get("/openapi/v1.json"))
        {
            var document = await openapi.Expect(HttpStatusCode.OK);
            Assert.StartsWith("3.0", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
            Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/auth/login", out _));
        }
        using var swagger = await client.Get("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, swagger.StatusCode);
        Assert.Contains("swagger-ui", await swagger.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class ConventionsTestsOnSqlite(SqliteHost host) : ConventionsTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class ConventionsTestsOnPostgres(PostgresHost host) : ConventionsTests(host);

/// <summary>An unexpected failure is a 500 problem with a code and no trace of the exception.</summary>
[Collection(nameof(SqliteCollection))]
public sealed class UnexpectedFailureTests(SqliteHost host)
{
    [Fact]
    public async Task An_exception_becomes_a_500_problem_without_a_stack_trace()
    {
        await using var failing = host.Factory.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new ThrowAtTheEnd())));
        var admin = await host.AsAsync("admin");
        var client = failing.CreateClient();
        client.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        using var response = await client.Get("/api/v1/boom");
        var problem = await response.ExpectProblem(HttpStatusCode.InternalServerError, "internal_error");
        Assert.DoesNotContain("secret detail", problem.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_out_of_connections_is_a_503_to_retry_not_a_500()
    {
        await using var failing = host.Factory.WithWebHostBuilder(web => web.ConfigureServices(services =>
            services.AddSingleton<IStartupFilter>(new ThrowAtTheEnd(() => new InvalidOperationException("transient", new TransientDbException())))));
        var client = failing.CreateClient();
        client.DefaultRequestHeaders.Authorization = (await host.AsAsync("admin")).DefaultRequestHeaders.Authorization;
        using var response = await client.Get("/api/v1/boom");
        await response.ExpectProblem(HttpStatusCode.ServiceUnavailable, "unavailable");
        Assert.NotNull(response.Headers.RetryAfter);
    }

    private sealed class TransientDbException : System.Data.Common.DbException
    {
        public override bool IsTransient => true;
    }

    private sealed class ThrowAtTheEnd(Func<Exception>? failure = null) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(_ => throw (failure?.Invoke() ?? new InvalidOperationException("secret detail of a failure")));
        };
    }
}
