using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace TravelPermits.TestSupport;

public static class Http
{
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) =>
        Sending(() => client.PostAsJsonAsync(url, body, JsonOptions, TestContext.Current.CancellationToken));

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, object body) =>
        Sending(() => client.PutAsJsonAsync(url, body, JsonOptions, TestContext.Current.CancellationToken));

    public static Task<HttpResponseMessage> Get(this HttpClient client, string url) =>
        Sending(() => client.GetAsync(url, TestContext.Current.CancellationToken));

    /// <summary>A call to an in-process Host that had stopped by itself says what the Hosts last logged (a silo declared dead stops its Host).</summary>
    private static async Task<HttpResponseMessage> Sending(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (ObjectDisposedException e)
        {
            throw new InvalidOperationException($"The in-process Host was stopped under the test. Last errors the in-process Hosts logged:\n{ServerErrors.Recent()}", e);
        }
    }

    public static async Task<JsonElement> ReadJson(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the status, and returns the body; the failure message shows the body (and, for a 500, the Hosts' last errors).</summary>
    public static async Task<JsonElement> Expect(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)status}, got {(int)response.StatusCode}: {text}"
            + (response.StatusCode == HttpStatusCode.InternalServerError ? $"\nLast errors the in-process Hosts logged:\n{ServerErrors.Recent()}" : ""));
        var json = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true;
        return json && text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
    }

    /// <summary>Asserts a problem+json answer with this status and code; returns it.</summary>
    public static async Task<JsonElement> ExpectProblem(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await response.Expect(status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)];
}
