using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using TravelPermits.TestSupport;

namespace TravelPermits.Bench.Screens;

/// <summary>
/// What the demo city lacks for its screens to show something: a request of the demo enterprise,
/// approved, and permits issued from it, through the API as the clerk and the approver would.
/// </summary>
internal static class DemoData
{
    /// <summary>The token of one issued permit, for the phone page; null when the demo could not issue.</summary>
    public static async Task<string?> IssueAsync(Uri baseAddress, string clerk, string approver, string password, int people)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        var clerkToken = await LoginAsync(http, clerk, password);
        var approverToken = await LoginAsync(http, approver, password);

        using var me = await SendAsync(http, HttpMethod.Get, "/api/v1/me", clerkToken);
        var enterpriseId = (await JsonAsync(me)).GetProperty("enterpriseId").GetGuid();
        using var templateAnswer = await SendAsync(http, HttpMethod.Get, "/api/v1/requests/template.xlsx", clerkToken);
        var template = await templateAnswer.Content.ReadAsByteArrayAsync();

        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Workbooks.Fill(template, Enumerable.Range(0, people).Select(i => Workbooks.Person(i)).ToList()));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(file, "file", "danh-sach.xlsx");
        form.Add(new StringContent("addition"), "kind");
        using var upload = await SendAsync(http, HttpMethod.Post, $"/api/v1/enterprises/{enterpriseId}/requests", clerkToken, form);
        var request = await JsonAsync(upload);
        var entryIds = request.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();

        using var approve = await SendAsync(http, HttpMethod.Post, $"/api/v1/requests/{request.GetProperty("id").GetGuid()}/approve",
            approverToken, JsonContent.Create(new { }));
        using var issue = await SendAsync(http, HttpMethod.Post, $"/api/v1/enterprises/{enterpriseId}/permits", clerkToken,
            JsonContent.Create(new { entryIds }), required: false);
        if (!issue.IsSuccessStatusCode)
        {
            Console.Error.WriteLine($"screens: the demo enterprise could not issue ({(int)issue.StatusCode}): {await issue.Content.ReadAsStringAsync()}");
            return null;
        }
        return (await JsonAsync(issue)).GetProperty("permits")[0].GetProperty("token").GetString();
    }

    private static async Task<string> LoginAsync(HttpClient http, string email, string password)
    {
        using var response = await SendAsync(http, HttpMethod.Post, "/api/v1/auth/login", null, JsonContent.Create(new { email, password }));
        return (await JsonAsync(response)).GetProperty("accessToken").GetString()!;
    }

    private static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, HttpMethod method, string path, string? token, HttpContent? content = null, bool required = true)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        var response = await http.SendAsync(request);
        if (required && !response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync();
            response.Dispose();
            throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {body}");
        }
        return response;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).Clone();
}
