using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using TravelPermits.SharedKernel.Idempotency;

namespace TravelPermits.Host.Tests;

/// <summary>What an Idempotency-Key retry must repeat: the parts of a form, the bytes of anything else.</summary>
public sealed class RequestFingerprintTests
{
    private static async Task<string> Fingerprint(string contentType, string body)
    {
        var http = new DefaultHttpContext();
        http.Request.ContentType = contentType;
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        var hash = await RequestFingerprint.ComputeAsync(http.Request, TestContext.Current.CancellationToken);
        Assert.Equal(0, http.Request.Body.Position); // rewound for the endpoint
        return hash;
    }

    private static string Raw(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    private static string Form(string boundary, string fileType = "application/octet-stream", string kind = "addition", string content = "xlsx bytes") =>
        $"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"danh-sach.xlsx\"\r\nContent-Type: {fileType}\r\n\r\n{content}\r\n" +
        $"--{boundary}\r\nContent-Disposition: form-data; name=kind\r\n\r\n{kind}\r\n--{boundary}--\r\n";

    [Fact]
    public async Task A_form_is_the_same_whatever_its_boundary_and_the_case_of_its_content_types()
    {
        var first = await Fingerprint("multipart/form-data; boundary=------------------------a1b2c3", Form("------------------------a1b2c3"));
        var second = await Fingerprint("Multipart/Form-Data; boundary=\"xyz\"", Form("xyz", fileType: "Application/Octet-Stream"));
        Assert.Equal(first, second);
        Assert.NotEqual(Raw(Form("xyz")), second);
    }

    [Theory]
    [InlineData("application/pdf", "addition", "xlsx bytes")]
    [InlineData("application/octet-stream", "replacement", "xlsx bytes")]
    [InlineData("application/octet-stream", "addition", "other bytes")]
    public async Task Another_part_content_or_type_is_another_form(string fileType, string kind, string content)
    {
        var first = await Fingerprint("multipart/form-data; boundary=a", Form("a"));
        Assert.NotEqual(first, await Fingerprint("multipart/form-data; boundary=b", Form("b", fileType, kind, content)));
    }

    [Fact]
    public async Task A_malformed_form_and_other_bodies_are_their_raw_bytes()
    {
        var truncated = Form("a")[..40];
        Assert.Equal(Raw(truncated), await Fingerprint("multipart/form-data; boundary=a", truncated));
        var wrongBoundary = Form("a");
        Assert.Equal(Raw(wrongBoundary), await Fingerprint("multipart/form-data; boundary=b", wrongBoundary));
        Assert.Equal(Raw(wrongBoundary), await Fingerprint("multipart/form-data", wrongBoundary));
        const string json = """{ "email": "a@b.c" }""";
        Assert.Equal(Raw(json), await Fingerprint("application/json", json));
    }
}
