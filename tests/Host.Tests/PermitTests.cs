using Microsoft.AspNetCore.Hosting;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TravelPermits.Permits.Tokens;
using TravelPermits.TestSupport;

namespace TravelPermits.Host.Tests;

/// <summary>Issuing, verifying, stamping and revoking permits, over HTTP.</summary>
public abstract class PermitTests(PermitsHost host)
{
    /// <summary>Phường Hải Châu I: the ward these tests give police stamping.</summary>
    private const string StampWard = "20236";

    /// <summary>An active enterprise with its own clerk and <paramref name="people"/> approved people.</summary>
    private Task<(Guid Enterprise, HttpClient Clerk, List<Guid> Entries)> ApprovedAsync(int people, int workforce = 100, string ward = PermitsHost.WardCode, string? fullName = null) =>
        ApprovedAsync(host, people, workforce, ward, fullName);

    /// <summary>An active enterprise with its own clerk and <paramref name="people"/> approved people (named <paramref name="fullName"/> when given).</summary>
    internal static async Task<(Guid Enterprise, HttpClient Clerk, List<Guid> Entries)> ApprovedAsync(PermitsHost host, int people, int workforce = 100, string ward = PermitsHost.WardCode, string? fullName = null)
    {
        var enterprise = await host.RegisterEnterpriseAsync(ward, workforce);
        var email = PermitsHost.EnterpriseEmail(enterprise);
        await host.CreateUserAsync(email, "enterprise", enterprise: enterprise);
        var clerk = await host.ClientAsync(email);
        var file = Workbooks.Fill(await RequestTests.TemplateAsync(host), Enumerable.Range(0, people).Select(i => Workbooks.Person(i, fullName)));
        using var upload = await RequestTests.UploadAsync(clerk, enterprise, file);
        var request = await upload.Expect(HttpStatusCode.Created);
        var approver = await host.AsAsync("approver");
        if (ward == StampWard)
        {
            using var policy = await approver.PutJson($"/api/v1/wards/{StampWard}/policy", new { defaultRatioPercent = (int?)null, chain = new { policeVerify = false, policeStamp = true } });
            await policy.Expect(HttpStatusCode.OK);
        }
        using var approve = await approver.PostJson($"/api/v1/requests/{request.GetProperty("id").GetString()}/approve", new { });
        await approve.Expect(HttpStatusCode.OK);
        return (enterprise, clerk, request.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList());
    }

    internal static async Task<JsonElement> IssueAsync(HttpClient clerk, Guid enterprise, IEnumerable<Guid> entries, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await clerk.PostJson($"/api/v1/enterprises/{enterprise}/permits", new { entryIds = entries });
        return await response.Expect(expected);
    }

    private async Task<JsonElement> VerifyAsync(string token, HttpClient? client = null)
    {
        using var response = await (client ?? host.Anonymous()).Get($"/api/v1/verify/{token}");
        return await response.Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Issued_permits_verify_as_valid_with_the_masked_id_for_anyone_and_the_full_id_for_a_checkpoint()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(3);
        var issued = (await IssueAsync(clerk, enterprise, entries)).GetProperty("permits").EnumerateArray().ToList();
        Assert.Equal(3, issued.Count);
        Assert.All(issued, p => Assert.Equal("issued", p.GetProperty("status").GetString()));

        var token = issued[0].GetProperty("token").GetString()!;
        var anonymous = await VerifyAsync(token);
        Assert.Equal("valid", anonymous.GetProperty("result").GetString());
        var masked = anonymous.GetProperty("holder").GetProperty("idNumberMasked").GetString()!;
        Assert.Matches("^048\\*{6}[0-9]{3}$", masked);
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("holder").GetProperty("idNumber").ValueKind);
        // The answer goes out whole with its length (one write), not as a chunked stream ended by a second write.
        using (var raw = await host.Factory.CreateClient().GetAsync(
            $"/api/v1/verify/{token}", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken))
        {
            var length = raw.Content.Headers.ContentLength; // as the Host sent it: the body is not read yet
            var bytes = await raw.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            Assert.Equal(bytes.Length, length);
            Assert.Equal("application/json; charset=utf-8", raw.Content.Headers.ContentType?.ToString());
        }

        var checkpoint = await VerifyAsync(token, await host.AsAsync("checkpoint"));
        Assert.Matches("^048[0-9]{9}$", checkpoint.GetProperty("holder").GetProperty("idNumber").GetString()!);
        // A checkpoint of another city sees what anyone sees.
        var hanoi = PermitsHost.UserEmail("checkpoint", PermitsHost.OtherCityCode);
        using (var exists = await host.TryCreateUserAsync(hanoi, "checkpoint", city: PermitsHost.OtherCityCode))
        {
            Assert.True(exists.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict);
        }
        var elsewhere = await VerifyAsync(token, await host.ClientAsync(hanoi));
        Assert.Equal(JsonValueKind.Null, elsewhere.GetProperty("holder").GetProperty("idNumber").ValueKind);

        using var read = await clerk.Get($"/api/v1/enterprises/{enterprise}");
        var state = await read.Expect(HttpStatusCode.OK);
        Assert.Equal(3, state.GetProperty("activePermits").GetInt32());

        using var permit = await clerk.Get($"/api/v1/permits/{issued[0].GetProperty("id").GetString()}");
        var body = await permit.Expect(HttpStatusCode.OK);
        Assert.Equal(token, body.GetProperty("token").GetString());
        Assert.EndsWith($"/V/{token}", body.GetProperty("qrUrl").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_rotated_on_one_host_verifies_at_once_on_another()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(1);
        await using var second = host.Factory.WithWebHostBuilder(_ => { });
        var onSecond = second.CreateClient();
        using (var warm = await onSecond.Get("/api/v1/verify/keys"))
        {
            await warm.Expect(HttpStatusCode.OK); // the second host has loaded the keys as they were
        }
        using (var rotate = await (await host.AsAsync("admin")).PostJson("/api/v1/admin/keys/rotate", new { }))
        {
            await rotate.Expect(HttpStatusCode.OK);
        }
        var token = (await IssueAsync(clerk, enterprise, entries)).GetProperty("permits")[0].GetProperty("token").GetString()!;
        host.Clock.Advance(TimeSpan.FromSeconds(6)); // past the throttle of reloads for unknown keys
        Assert.Equal("valid", (await VerifyAsync(token, onSecond)).GetProperty("result").GetString());
    }

    [Fact]
    public async Task A_revocation_shows_at_once_on_another_host_that_has_verified_the_token_before()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(3);
        var tokens = (await IssueAsync(clerk, enterprise, entries)).GetProperty("permits").EnumerateArray()
            .Select(p => (Id: p.GetProperty("id").GetGuid(), Token: p.GetProperty("token").GetString()!)).ToList();
        // A second host whose cache of checked signatures holds one token at a time, so that it starts over.
        await using var second = host.Factory.WithWebHostBuilder(web => web.UseSetting("Permits:Verify:SignatureCacheSize", "1"));
        var onSecond = second.CreateClient();
        foreach (var (_, token) in tokens.Concat(tokens))
        {
            Assert.Equal("valid", (await VerifyAsync(token, onSecond)).GetProperty("result").GetString());
        }

        using (var revoke = await clerk.PostJson("/api/v1/permits/revoke", new { permitIds = new[] { tokens[0].Id }, reason = "Nghỉ việc" }))
        {
            await revoke.Expect(HttpStatusCode.OK);
        }
        Assert.Equal("revoked", (await VerifyAsync(tokens[0].Token, onSecond)).GetProperty("result").GetString());
        Assert.Equal("valid", (await VerifyAsync(tokens[1].Token, onSecond)).GetProperty("result").GetString());
        // A token already verified, altered in its signature, is not taken for the one remembered.
        var altered = tokens[1].Token[..^2] + (tokens[1].Token[^2] == 'A' ? 'B' : 'A') + tokens[1].Token[^1];
        Assert.Equal("invalid", (await VerifyAsync(altered, onSecond)).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Verification_reads_from_many_threads_at_once_each_get_their_own_permit()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(4);
        var ids = (await IssueAsync(clerk, enterprise, entries)).GetProperty("permits").EnumerateArray()
            .Select(p => p.GetProperty("id").GetGuid()).ToList();
        var reads = host.Services.GetRequiredService<TravelPermits.Permits.Verify.PermitReads>();
        var ct = TestContext.Current.CancellationToken;
        // Pooled statements go back to the pool while other threads take them: every read must
        // still answer its own row, and none may find its statement closed under it.
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 25_000; i++)
            {
                var id = ids[(w + i) % ids.Count];
                var state = await reads.ReadAsync(id, ct);
                Assert.Equal(id, state?.Id);
            }
        }, ct));
        await Task.WhenAll(workers);
    }

    [Fact]
    public async Task Refusals_issue_nothing()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(12, workforce: 33); // quota 9
        var over = await IssueAsync(clerk, enterprise, entries, HttpStatusCode.Conflict);
        Assert.Equal("quota_exceeded", over.GetProperty("code").GetString());

        var outside = await IssueAsync(clerk, enterprise, [entries[0], Guid.NewGuid()], HttpStatusCode.Conflict);
        Assert.Equal("not_in_approved_list", outside.GetProperty("code").GetString());

        await IssueAsync(clerk, enterprise, entries.Take(2));
        var twice = await IssueAsync(clerk, enterprise, entries.Skip(1).Take(2), HttpStatusCode.Conflict);
        Assert.Equal("duplicate_person", twice.GetProperty("code").GetString());

        var (other, _, otherEntries) = await ApprovedAsync(1);
        var foreign = await IssueAsync(clerk, enterprise, otherEntries, HttpStatusCode.Conflict);
        Assert.Equal("not_in_approved_list", foreign.GetProperty("code").GetString());
        using var wrongRoute = await clerk.PostJson($"/api/v1/enterprises/{other}/permits", new { entryIds = otherEntries });
        await wrongRoute.ExpectProblem(HttpStatusCode.NotFound, "not_found");

        using var list = await clerk.Get($"/api/v1/enterprises/{enterprise}/permits");
        Assert.Equal(2, (await list.Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_returns_the_first_result()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(2);
        async Task<HttpResponseMessage> Send(IEnumerable<Guid> ids)
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/enterprises/{enterprise}/permits")
            {
                Content = System.Net.Http.Json.JsonContent.Create(new { entryIds = ids }),
            };
            message.Headers.Add("Idempotency-Key", "print-run-38");
            return await clerk.SendAsync(message, TestContext.Current.CancellationToken);
        }
        using var first = await Send(entries);
        var original = await first.Expect(HttpStatusCode.Created);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        using var retry = await Send(entries);
        Assert.Equal(original.ToString(), (await retry.Expect(HttpStatusCode.Created)).ToString());
        Assert.Equal(["true"], retry.Headers.TryGetValues("Idempotent-Replayed", out var replayed) ? replayed : []);
        using var other = await Send(entries.Take(1));
        await other.ExpectProblem(HttpStatusCode.Conflict, "idempotency_conflict");
        using var read = await clerk.Get($"/api/v1/enterprises/{enterprise}");
        Assert.Equal(2, (await read.Expect(HttpStatusCode.OK)).GetProperty("activePermits").GetInt32());
    }

    [Fact]
    public async Task Changing_any_character_of_a_token_makes_it_invalid()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(1);
        var token = (await IssueAsync(clerk, enterprise, entries)).GetProperty("permits")[0].GetProperty("token").GetString()!;
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        for (var i = 0; i < token.Length; i++)
        {
            var replacement = alphabet[(alphabet.IndexOf(token[i], StringComparison.Ordinal) + 1) % alphabet.Length];
            var forged = string.Concat(token.AsSpan(0, i), replacement.ToString(), token.AsSpan(i + 1));
            Assert.Equal("invalid", (await VerifyAsync(forged)).GetProperty("result").GetString());
        }
        Assert.Equal("invalid", (await VerifyAsync("not-a-token")).GetProperty("result").GetString());
        Assert.Equal("valid", (await VerifyAsync(token.ToLowerInvariant())).GetProperty("result").GetString());
    }

    [Fact]
    public async Task The_signature_verifies_against_the_published_jwks_and_survives_key_rotation()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(2);
        var token = (await IssueAsync(clerk, enterprise, entries.Take(1))).GetProperty("permits")[0].GetProperty("token").GetString()!;
        Assert.True(PermitToken.TryParse(token, out var parsed));
        Assert.True(Verifies(parsed, await JwksAsync()));

        using (var rotate = await (await host.AsAsync("admin")).PostJson("/api/v1/admin/keys/rotate", new { }))
        {
            await rotate.Expect(HttpStatusCode.OK);
        }
        var keys = await JwksAsync();
        Assert.Contains(keys.EnumerateArray(), k => k.GetProperty("kid").GetString() == Convert.ToHexStringLower(parsed.KeyId) && k.GetProperty("retired").GetBoolean());
        Assert.Equal("valid", (await VerifyAsync(token)).GetProperty("result").GetString());
        var newer = (await IssueAsync(clerk, enterprise, entries.Skip(1))).GetProperty("permits")[0].GetProperty("token").GetString()!;
        Assert.True(PermitToken.TryParse(newer, out var parsedNewer));
        Assert.NotEqual(parsed.KeyId, parsedNewer.KeyId);
        Assert.True(Verifies(parsedNewer, await JwksAsync()));
    }

    /// <summary>ECDSA with the key rebuilt from the JWKS alone, not from the system's key ring.</summary>
    private static bool Verifies(ParsedToken token, JsonElement keys)
    {
        var jwk = keys.EnumerateArray().Single(k => k.GetProperty("kid").GetString() == Convert.ToHexStringLower(token.KeyId));
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64UrlTextEncoder.Decode(jwk.GetProperty("x").GetString()!), Y = Base64UrlTextEncoder.Decode(jwk.GetProperty("y").GetString()!) },
        });
        return key.VerifyData(token.SignedBytes, token.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    private async Task<JsonElement> JwksAsync()
    {
        using var response = await host.Anonymous().Get("/api/v1/verify/keys");
        return (await response.Expect(HttpStatusCode.OK)).GetProperty("keys");
    }

    [Fact]
    public async Task The_documented_hand_check_with_openssl_verifies_every_token()
    {
        // r and s are DER INTEGERs for openssl: about half of all signatures have an r whose first
        // byte is 0x80 or more, which needs a leading zero byte; 24 tokens miss none of the cases.
        var (enterprise, clerk, entries) = await ApprovedAsync(24);
        var tokens = (await IssueAsync(clerk, enterprise, entries)).GetProperty("permits").EnumerateArray()
            .Select(p => p.GetProperty("token").GetString()!).ToList();
        Assert.Equal(24, tokens.Count);
        var jwks = Path.Combine(host.WorkDirectory, $"{Guid.NewGuid():N}-jwks.json");
        using (var keys = await host.Anonymous().Get("/api/v1/verify/keys"))
        {
            await keys.Expect(HttpStatusCode.OK);
            await File.WriteAllTextAsync(jwks, await keys.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        }
        var script = Path.Combine(Repository.Root, "docs", "tools", "verify_token.py");
        var failures = new List<string>();
        foreach (var token in tokens)
        {
            // python3 and openssl are required here (.ci/run installs them): a missing one fails the test.
            var (exitCode, output) = await RunAsync("python3", script, token, jwks);
            if (exitCode != 0 || !output.Contains("Verified OK", StringComparison.Ordinal))
            {
                failures.Add($"{token} (exit {exitCode}): {output}");
            }
        }
        Assert.Empty(failures);
    }

    internal static async Task<(int ExitCode, string Output)> RunAsync(string tool, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }

    [Fact]
    public async Task An_unknown_status_filter_or_a_malformed_revocation_cursor_is_a_400_naming_the_field()
    {
        var clerk = await host.AsAsync("enterprise");
        using (var bogus = await clerk.Get($"/api/v1/enterprises/{host.EnterpriseId}/permits?status=bogus"))
        {
            var problem = await bogus.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _), problem.ToString());
        }
        using (var known = await clerk.Get($"/api/v1/enterprises/{host.EnterpriseId}/permits?status=revoked"))
        {
            await known.Expect(HttpStatusCode.OK);
        }
        foreach (var since in new[] { "not-a-cursor", "10", "%21%21" })
        {
            using var feed = await host.Anonymous().Get($"/api/v1/verify/revocations?since={since}");
            var problem = await feed.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("since", out _), $"{since}: {problem}");
        }
        using var english = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/enterprises/{host.EnterpriseId}/permits?status=bogus");
        english.Headers.AcceptLanguage.ParseAdd("en");
        using var answer = await clerk.SendAsync(english, TestContext.Current.CancellationToken);
        var errors = (await answer.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").GetProperty("status");
        Assert.StartsWith("status must be", errors[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Revoking_shows_at_the_next_verification_returns_the_place_and_tells_the_enterprise()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(2);
        var permits = (await IssueAsync(clerk, enterprise, entries)).GetProperty("permits").EnumerateArray().ToList();
        using var feedBefore = await host.Anonymous().Get("/api/v1/verify/revocations");
        var cursor = (await feedBefore.Expect(HttpStatusCode.OK)).GetProperty("nextCursor").GetString();

        using (var revoke = await clerk.PostJson("/api/v1/permits/revoke", new { permitIds = new[] { permits[0].GetProperty("id").GetGuid() }, reason = "Nghỉ việc" }))
        {
            Assert.Equal(1, (await revoke.Expect(HttpStatusCode.OK)).GetProperty("revoked").GetInt32());
        }
        Assert.Equal("revoked", (await VerifyAsync(permits[0].GetProperty("token").GetString()!)).GetProperty("result").GetString());
        Assert.Equal("valid", (await VerifyAsync(permits[1].GetProperty("token").GetString()!)).GetProperty("result").GetString());
        using (var read = await clerk.Get($"/api/v1/enterprises/{enterprise}"))
        {
            Assert.Equal(1, (await read.Expect(HttpStatusCode.OK)).GetProperty("activePermits").GetInt32());
        }
        using (var again = await clerk.PostJson("/api/v1/permits/revoke", new { permitIds = new[] { permits[0].GetProperty("id").GetGuid() }, reason = "Lần hai" }))
        {
            Assert.Equal(0, (await again.Expect(HttpStatusCode.OK)).GetProperty("revoked").GetInt32());
        }
        using var feed = await host.Anonymous().Get($"/api/v1/verify/revocations?since={cursor}");
        var items = (await feed.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, i => i.GetProperty("permitId").GetGuid() == permits[0].GetProperty("id").GetGuid());

        using var contact = await clerk.Get($"/api/v1/enterprises/{enterprise}");
        var mail = await host.WaitForMailAsync((await contact.Expect(HttpStatusCode.OK)).GetProperty("contactEmail").GetString()!,
            m => m.Subject.StartsWith("Thu hồi 1 giấy đi đường", StringComparison.Ordinal));
        Assert.Contains("Lý do: Nghỉ việc", mail.Body, StringComparison.Ordinal);

        var otherClerk = await host.AsAsync("enterprise");
        using var foreign = await otherClerk.PostJson("/api/v1/permits/revoke", new { permitIds = new[] { permits[1].GetProperty("id").GetGuid() }, reason = "x" });
        await foreign.ExpectProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task With_police_stamping_a_permit_is_in_force_only_once_stamped()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(1, ward: StampWard);
        var permit = (await IssueAsync(clerk, enterprise, entries)).GetProperty("permits")[0];
        Assert.Equal("approved", permit.GetProperty("status").GetString());
        var token = permit.GetProperty("token").GetString()!;
        Assert.Equal("not_yet_valid", (await VerifyAsync(token)).GetProperty("result").GetString());

        var police = await host.CreateWardUserAsync("ward-police", StampWard);
        using (var stamp = await police.PostJson($"/api/v1/permits/{permit.GetProperty("id").GetString()}/stamp", new { }))
        {
            Assert.Equal("issued", (await stamp.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
        }
        Assert.Equal("valid", (await VerifyAsync(token)).GetProperty("result").GetString());
        using (var twice = await police.PostJson($"/api/v1/permits/{permit.GetProperty("id").GetString()}/stamp", new { }))
        {
            await twice.ExpectProblem(HttpStatusCode.Conflict, "invalid_transition");
        }
        var otherPolice = await host.AsAsync("ward-police");
        using var foreign = await otherPolice.PostJson($"/api/v1/permits/{permit.GetProperty("id").GetString()}/stamp", new { });
        await foreign.ExpectProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_permit_s_grain_revokes_it_once_and_refuses_a_permit_that_does_not_exist()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(1);
        var permit = (await IssueAsync(clerk, enterprise, entries)).GetProperty("permits")[0];
        var grains = host.Services.GetRequiredService<IGrainFactory>();
        var grain = grains.GetGrain<Permits.Contracts.IPermitGrain>(permit.GetProperty("id").GetGuid());
        Assert.True(await grain.RevokeAsync("Nghỉ việc"));
        Assert.Equal("revoked", (await VerifyAsync(permit.GetProperty("token").GetString()!)).GetProperty("result").GetString());
        Assert.False(await grain.RevokeAsync("Lần hai"));
        using (var read = await clerk.Get($"/api/v1/enterprises/{enterprise}"))
        {
            Assert.Equal(0, (await read.Expect(HttpStatusCode.OK)).GetProperty("activePermits").GetInt32());
        }
        var missing = await Assert.ThrowsAsync<SharedKernel.Problems.ProblemException>(() => grains.GetGrain<Permits.Contracts.IPermitGrain>(Guid.NewGuid()).RevokeAsync("x"));
        Assert.Equal(HttpStatusCode.NotFound, (HttpStatusCode)missing.Status);
    }

    [Fact]
    public void A_permits_grain_is_collected_two_minutes_after_its_last_call()
    {
        // Many permits are each touched once: their activations must not stay for Orleans' default 15 minutes.
        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<Permits.Contracts.IPermitGrain>(Guid.NewGuid());
        var properties = host.Services.GetRequiredService<Orleans.Metadata.GrainPropertiesResolver>().GetGrainProperties(grain.GetGrainId().Type);
        Assert.True(properties.Properties.TryGetValue(Orleans.Metadata.WellKnownGrainTypeProperties.IdleDeactivationPeriod, out var period));
        Assert.Equal(TimeSpan.FromMinutes(2), TimeSpan.Parse(period, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Fifty_concurrent_issues_against_ten_places_issue_exactly_ten()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(50, workforce: 34); // quota 10
        var start = new TaskCompletionSource();
        var calls = entries.Select(entry => Task.Run(async () =>
        {
            await start.Task;
            using var response = await clerk.PostJson($"/api/v1/enterprises/{enterprise}/permits", new { entryIds = new[] { entry } });
            return response.StatusCode;
        }, TestContext.Current.CancellationToken)).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);
        Assert.Equal(10, results.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(40, results.Count(s => s == HttpStatusCode.Conflict));
        using var list = await clerk.Get($"/api/v1/enterprises/{enterprise}/permits?limit=500");
        Assert.Equal(10, (await list.Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Two_hosts_on_one_database_issue_exactly_the_remaining_places()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(50, workforce: 34); // quota 10
        await using var second = host.Factory.WithWebHostBuilder(_ => { });
        var other = second.CreateClient();
        other.DefaultRequestHeaders.Authorization = clerk.DefaultRequestHeaders.Authorization;
        var start = new TaskCompletionSource();
        var calls = entries.Select((entry, i) => Task.Run(async () =>
        {
            await start.Task;
            using var response = await (i % 2 == 0 ? clerk : other).PostJson($"/api/v1/enterprises/{enterprise}/permits", new { entryIds = new[] { entry } });
            return response.StatusCode;
        }, TestContext.Current.CancellationToken)).ToList();
        start.SetResult();
        var results = await Task.WhenAll(calls);
        Assert.Equal(10, results.Count(s => s == HttpStatusCode.Created));
        using var read = await clerk.Get($"/api/v1/enterprises/{enterprise}");
        var state = await read.Expect(HttpStatusCode.OK);
        Assert.Equal(10, state.GetProperty("activePermits").GetInt32());
        Assert.Equal(0, state.GetProperty("remaining").GetInt32());
    }

    [Fact]
    public async Task The_permit_list_pages_through_every_permit_once_in_id_order_with_and_without_a_status()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(5);
        var (other, otherClerk, otherEntries) = await ApprovedAsync(2);
        await IssueAsync(otherClerk, other, otherEntries.Take(1)); // another enterprise's permits before and after
        var issued = (await IssueAsync(clerk, enterprise, entries)).GetProperty("permits").EnumerateArray()
            .Select(p => p.GetProperty("id").GetGuid()).ToList();
        await IssueAsync(otherClerk, other, otherEntries.Skip(1));
        foreach (var filter in new[] { "", "&status=issued" })
        {
            var seen = new List<Guid>();
            string? cursor = null;
            do
            {
                using var page = await clerk.Get($"/api/v1/enterprises/{enterprise}/permits?limit=2{filter}{(cursor is null ? "" : $"&cursor={cursor}")}");
                var body = await page.Expect(HttpStatusCode.OK);
                var items = body.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ToList();
                Assert.InRange(items.Count, 1, 2);
                seen.AddRange(items);
                cursor = body.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            }
            while (cursor is not null);
            Assert.Equal(issued.Order().ToList(), seen);
        }
    }

    [Fact]
    public async Task The_permit_list_filters_by_status_and_finds_names_without_diacritics()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(3);
        var permits = (await IssueAsync(clerk, enterprise, entries)).GetProperty("permits").EnumerateArray().ToList();
        using (var revoke = await clerk.PostJson("/api/v1/permits/revoke", new { permitIds = new[] { permits[0].GetProperty("id").GetGuid() }, reason = "Nghỉ" }))
        {
            await revoke.Expect(HttpStatusCode.OK);
        }
        using (var issued = await clerk.Get($"/api/v1/enterprises/{enterprise}/permits?status=issued"))
        {
            Assert.Equal(2, (await issued.Expect(HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        }
        using var found = await clerk.Get($"/api/v1/enterprises/{enterprise}/permits?q=tran%20thi%20hong");
        var items = (await found.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, p => Assert.StartsWith("Trần Thị Hồng", p.GetProperty("holder").GetProperty("fullName").GetString(), StringComparison.Ordinal));
        // Every word, in any order and apart.
        using (var reordered = await clerk.Get($"/api/v1/enterprises/{enterprise}/permits?q=hong%20tran"))
        {
            Assert.Equal(items.Select(p => p.GetProperty("id").GetString()),
                (await reordered.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        }
        using (var tooMany = await clerk.Get($"/api/v1/enterprises/{enterprise}/permits?q={string.Join("%20", Enumerable.Range(0, 11).Select(i => $"w{i}"))}"))
        {
            Assert.True((await tooMany.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed")).GetProperty("errors").TryGetProperty("q", out _));
        }
        var officer = await host.ClientAsync(PermitsHost.UserEmail("ward-officer", PermitsHost.OtherWardCode));
        using var hidden = await officer.Get($"/api/v1/enterprises/{enterprise}/permits");
        await hidden.ExpectProblem(HttpStatusCode.NotFound, "not_found");
    }

    private Task<JsonElement> CurrentPeriodAsync() => CurrentPeriodAsync(host);

    /// <summary>Da Nang's period in force now (created once per fixture: a city's periods may not overlap).</summary>
    internal static async Task<JsonElement> CurrentPeriodAsync(PermitsHost host)
    {
        using (var current = await host.Anonymous().Get($"/api/v1/periods/current?cityCode={PermitsHost.CityCode}"))
        {
            if (current.StatusCode == HttpStatusCode.OK)
            {
                return await current.Expect(HttpStatusCode.OK);
            }
        }
        var now = host.Clock.GetUtcNow();
        using var created = await (await host.AsAsync("approver")).PostJson("/api/v1/periods", new
        {
            label = "19/9 - 2/10", startsAt = now.AddDays(-1).ToOffset(TimeSpan.FromHours(7)), endsAt = now.AddDays(13).ToOffset(TimeSpan.FromHours(7)),
        });
        return await created.Expect(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Periods_give_permits_their_validity_refuse_overlaps_and_an_approver_clears_a_period()
    {
        var period = await CurrentPeriodAsync();
        var approver = await host.AsAsync("approver");
        using (var overlap = await approver.PostJson("/api/v1/periods", new
        {
            label = "chồng lấn", startsAt = period.GetProperty("startsAt").GetDateTimeOffset().AddDays(1), endsAt = period.GetProperty("endsAt").GetDateTimeOffset().AddDays(1),
        }))
        {
            await overlap.ExpectProblem(HttpStatusCode.Conflict, "period_overlap");
        }
        using (var backwards = await approver.PostJson("/api/v1/periods", new { label = "ngược", startsAt = "2030-01-10T00:00:00+07:00", endsAt = "2030-01-01T00:00:00+07:00" }))
        {
            await backwards.ExpectProblem(HttpStatusCode.BadRequest, "validation_failed");
        }
        Assert.EndsWith("+07:00", period.GetProperty("endsAt").GetString(), StringComparison.Ordinal);

        var (enterprise, clerk, entries) = await ApprovedAsync(3);
        var permits = (await IssueAsync(clerk, enterprise, entries)).GetProperty("permits").EnumerateArray().ToList();
        using (var read = await clerk.Get($"/api/v1/permits/{permits[0].GetProperty("id").GetString()}"))
        {
            Assert.Equal(period.GetProperty("endsAt").GetDateTimeOffset(), (await read.Expect(HttpStatusCode.OK)).GetProperty("validTo").GetDateTimeOffset());
        }

        var otherCity = await host.ClientAsync(PermitsHost.UserEmail("approver", PermitsHost.OtherCityCode));
        using (var foreign = await otherCity.PostJson($"/api/v1/enterprises/{enterprise}/permits/clear", new { periodId = period.GetProperty("id").GetString(), reason = "Danh sách thay thế" }))
        {
            await foreign.ExpectProblem(HttpStatusCode.NotFound, "not_found");
        }
        using (var clear = await approver.PostJson($"/api/v1/enterprises/{enterprise}/permits/clear", new { periodId = period.GetProperty("id").GetString(), reason = "Danh sách thay thế" }))
        {
            Assert.Equal(3, (await clear.Expect(HttpStatusCode.OK)).GetProperty("revoked").GetInt32());
        }
        Assert.Equal("revoked", (await VerifyAsync(permits[2].GetProperty("token").GetString()!)).GetProperty("result").GetString());
        using var state = await clerk.Get($"/api/v1/enterprises/{enterprise}");
        Assert.Equal(0, (await state.Expect(HttpStatusCode.OK)).GetProperty("activePermits").GetInt32());
    }

    [Fact]
    public async Task Clearing_a_period_also_revokes_the_live_permits_issued_outside_any_period_whose_validity_overlaps_it()
    {
        var period = await CurrentPeriodAsync();
        var (startsAt, endsAt) = (period.GetProperty("startsAt").GetDateTimeOffset(), period.GetProperty("endsAt").GetDateTimeOffset());
        var (enterprise, clerk, entries) = await ApprovedAsync(4);
        var permits = (await IssueAsync(clerk, enterprise, entries)).GetProperty("permits").EnumerateArray()
            .Select(p => p.GetProperty("id").GetGuid()).ToList();
        // Permits issued while no period was current have no PeriodId. The fixture's period is current
        // whenever this test runs, so such rows are made from these: PeriodId null, validity set here.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TravelPermits.Permits.Persistence.PermitsDbContext>();
            var ct = TestContext.Current.CancellationToken;
            // Overlaps the period from before its start.
            await db.Permits.Where(p => p.Id == permits[1]).ExecuteUpdateAsync(s => s.SetProperty(p => p.PeriodId, (Guid?)null)
                .SetProperty(p => p.ValidFrom, startsAt.AddDays(-10)).SetProperty(p => p.ValidTo, startsAt.AddDays(4)), ct);
            // Overlaps it to beyond its end.
            await db.Permits.Where(p => p.Id == permits[2]).ExecuteUpdateAsync(s => s.SetProperty(p => p.PeriodId, (Guid?)null)
                .SetProperty(p => p.ValidFrom, endsAt.AddDays(-1)).SetProperty(p => p.ValidTo, endsAt.AddDays(13)), ct);
            // Valid from the moment the period ends: not in it.
            await db.Permits.Where(p => p.Id == permits[3]).ExecuteUpdateAsync(s => s.SetProperty(p => p.PeriodId, (Guid?)null)
                .SetProperty(p => p.ValidFrom, endsAt).SetProperty(p => p.ValidTo, endsAt.AddDays(14)), ct);
        }

        using (var clear = await (await host.AsAsync("approver")).PostJson($"/api/v1/enterprises/{enterprise}/permits/clear",
            new { periodId = period.GetProperty("id").GetString(), reason = "Danh sách thay thế" }))
        {
            Assert.Equal(3, (await clear.Expect(HttpStatusCode.OK)).GetProperty("revoked").GetInt32());
        }
        var statuses = new List<string>();
        foreach (var id in permits)
        {
            using var read = await clerk.Get($"/api/v1/permits/{id}");
            statuses.Add((await read.Expect(HttpStatusCode.OK)).GetProperty("status").GetString()!);
        }
        Assert.Equal(["revoked", "revoked", "revoked", "issued"], statuses);
    }

    /// <summary>A real holder's name at the 100 characters a name may have (Vietnamese, NFC).</summary>
    private const string LongName = "Nguyễn Công Tằng Tôn Nữ Hoàng Phương Thị Ngọc Bích Thùy Diễm Khánh Xuân Thanh Trường Giang Mai Hương";

    [Fact]
    public async Task A_long_name_is_abbreviated_in_the_token_only_and_the_qr_code_stays_within_version_10_m()
    {
        Assert.Equal(100, LongName.Length);
        var (enterprise, clerk, entries) = await ApprovedAsync(1, fullName: LongName);
        await using var city = host.Factory.WithWebHostBuilder(web => web.UseSetting("Permits:PublicBaseUrl", "https://giaydiduong.danang.gov.vn"));
        var cityClerk = city.CreateClient();
        cityClerk.DefaultRequestHeaders.Authorization = clerk.DefaultRequestHeaders.Authorization;
        var permit = (await IssueAsync(cityClerk, enterprise, entries)).GetProperty("permits")[0];
        var token = permit.GetProperty("token").GetString()!;

        using var read = await cityClerk.Get($"/api/v1/permits/{permit.GetProperty("id").GetString()}");
        var body = await read.Expect(HttpStatusCode.OK);
        var url = body.GetProperty("qrUrl").GetString()!;
        Assert.Equal($"HTTPS://GIAYDIDUONG.DANANG.GOV.VN/V/{token}", url);
        Assert.True(TravelPermits.Permits.Qr.QrLinks.Version(url) <= 10, $"QR version {TravelPermits.Permits.Qr.QrLinks.Version(url)} for {url.Length} characters");

        // Family and given name kept, middle names as initials, then cut to the budget.
        Assert.True(PermitToken.TryParse(token, out var parsed));
        Assert.Equal("Nguyễn C. T. T. N. H. P. T. N. B. T…", parsed.Claims.HolderName);
        // The database, the permit and online verification keep the full name.
        Assert.Equal(LongName, body.GetProperty("holder").GetProperty("fullName").GetString());
        var checkpoint = await VerifyAsync(token, await host.AsAsync("checkpoint"));
        Assert.Equal("valid", checkpoint.GetProperty("result").GetString());
        Assert.Equal(LongName, checkpoint.GetProperty("holder").GetProperty("fullName").GetString());
    }

    [Theory]
    [InlineData("Permits:Permits:DefaultValidityDays", "0")]
    [InlineData("Permits:Permits:DefaultValidityDays", "two weeks")]
    [InlineData("Permits:PublicBaseUrl", "giaydiduong.danang.gov.vn")]
    [InlineData("Permits:PublicBaseUrl", "https://giaydiduong.danang.gov.vn/?from=qr")]
    public async Task A_wrong_setting_stops_the_host_with_a_message_naming_its_key(string key, string value)
    {
        await using var wrong = host.Factory.WithWebHostBuilder(web => web.UseSetting(key, value));
        var failure = Assert.ThrowsAny<Exception>(() => wrong.Server);
        Assert.Contains(key, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_in_the_public_base_url_is_kept_as_written_in_the_qr_url()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(1);
        var token = (await IssueAsync(clerk, enterprise, entries)).GetProperty("permits")[0].GetProperty("token").GetString()!;
        await using var proxied = host.Factory.WithWebHostBuilder(web => web.UseSetting("Permits:PublicBaseUrl", "https://example.gov.vn/GiayDiDuong/"));
        var proxiedClerk = proxied.CreateClient();
        proxiedClerk.DefaultRequestHeaders.Authorization = clerk.DefaultRequestHeaders.Authorization;
        using var list = await proxiedClerk.Get($"/api/v1/enterprises/{enterprise}/permits");
        var url = Assert.Single((await list.Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()).GetProperty("qrUrl").GetString()!;
        Assert.Equal($"HTTPS://EXAMPLE.GOV.VN/GiayDiDuong/V/{token}", url);
    }

    [Fact]
    public async Task The_qr_code_holds_the_verification_url_and_scans()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(1);
        var permit = (await IssueAsync(clerk, enterprise, entries)).GetProperty("permits")[0];
        using var read = await clerk.Get($"/api/v1/permits/{permit.GetProperty("id").GetString()}");
        var url = (await read.Expect(HttpStatusCode.OK)).GetProperty("qrUrl").GetString()!;
        Assert.True(TravelPermits.Permits.Qr.QrLinks.Version(url) <= 10, $"QR version {TravelPermits.Permits.Qr.QrLinks.Version(url)} for {url.Length} characters");

        using var png = await clerk.Get($"/api/v1/permits/{permit.GetProperty("id").GetString()}/qr.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(host.WorkDirectory, $"{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, await png.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        Assert.Equal(url, Zbar(file));

        using var svg = await clerk.Get($"/api/v1/permits/{permit.GetProperty("id").GetString()}/qr.svg");
        Assert.StartsWith("<svg", (await svg.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).TrimStart(), StringComparison.Ordinal);

        // The phone page behind the URL.
        using var page = await host.Anonymous().Get(new Uri(url).AbsolutePath);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("HỢP LỆ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_verification_is_rate_limited_but_a_checkpoint_is_not()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(1);
        var token = (await IssueAsync(clerk, enterprise, entries)).GetProperty("permits")[0].GetProperty("token").GetString()!;
        await using var limited = host.Factory.WithWebHostBuilder(web =>
            web.UseSetting("Permits:RateLimits:AnonymousVerifyPerMinute", "3"));
        var anonymous = limited.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await anonymous.Get($"/api/v1/verify/{token}");
            await ok.Expect(HttpStatusCode.OK);
        }
        using (var refused = await anonymous.Get($"/api/v1/verify/{token}"))
        {
            await refused.ExpectProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        }
        var checkpoint = limited.CreateClient();
        checkpoint.DefaultRequestHeaders.Authorization = (await host.AsAsync("checkpoint")).DefaultRequestHeaders.Authorization;
        for (var i = 0; i < 5; i++)
        {
            using var ok = await checkpoint.Get($"/api/v1/verify/{token}");
            await ok.Expect(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Printed_sheets_scan_and_keep_the_vietnamese_names()
    {
        var (enterprise, clerk, entries) = await ApprovedAsync(9);
        var permits = (await IssueAsync(clerk, enterprise, entries)).GetProperty("permits").EnumerateArray().ToList();
        var ids = permits.Select(p => p.GetProperty("id").GetGuid()).ToList();
        using var response = await clerk.PostJson("/api/v1/permits/print", new { permitIds = ids });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = Path.Combine(host.WorkDirectory, $"{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);

        var text = Run("pdftotext", "-raw", pdf, "-");
        var names = new List<string>();
        foreach (var id in ids)
        {
            using var read = await clerk.Get($"/api/v1/permits/{id}");
            names.Add((await read.Expect(HttpStatusCode.OK)).GetProperty("holder").GetProperty("fullName").GetString()!);
        }
        Assert.All(names, name => Assert.Contains(name, text, StringComparison.Ordinal));
        Assert.Contains("Xác nhận của Công an phường", text, StringComparison.Ordinal);
        // The text extracts right even when glyphs are lost; what is drawn is right only with whole fonts embedded
        // (PDFsharp's subsets drop the parts of composite glyphs such as ễ and ầ).
        Assert.Contains("Identity-H", Run("pdffonts", pdf), StringComparison.Ordinal);
        Assert.True(new FileInfo(pdf).Length > new FileInfo("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").Length,
            "the whole DejaVu Sans font is embedded, not a subset");

        var prefix = Path.Combine(host.WorkDirectory, Guid.NewGuid().ToString("N"));
        Run("pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-png", pdf, prefix);
        var page = Directory.GetFiles(host.WorkDirectory, Path.GetFileName(prefix) + "*.png").Single();
        // zbar may report a symbol twice, or now and then a misread one: count the permits' own URLs.
        var tokens = permits.Select(p => p.GetProperty("token").GetString()!).ToList();
        var scanned = Zbar(page).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(url => url.Contains("/V/", StringComparison.Ordinal) && tokens.Any(t => url.EndsWith("/V/" + t, StringComparison.Ordinal)))
            .Distinct().ToList();
        Assert.Equal(8, scanned.Count); // eight permits on the first sheet
        Assert.Contains(scanned, url => url.EndsWith(permits[0].GetProperty("token").GetString()!, StringComparison.Ordinal));

        using var revoke = await clerk.PostJson("/api/v1/permits/revoke", new { permitIds = ids.Take(1), reason = "Nghỉ việc" });
        await revoke.Expect(HttpStatusCode.OK);
        using var refused = await clerk.PostJson("/api/v1/permits/print", new { permitIds = ids });
        await refused.ExpectProblem(HttpStatusCode.Conflict, "not_printable");
    }

    private static string Run(string tool, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} exited with {process.ExitCode}");
        return output;
    }

    /// <summary>Decodes a QR image with zbarimg (Debian's zbar-tools), as a phone would read the code.</summary>
    internal static string Zbar(string png)
    {
        using var process = Process.Start(new ProcessStartInfo("zbarimg", ["--raw", "-q", png]) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output.Trim();
    }
}

[Collection(nameof(SqliteCollection))]
public sealed class PermitTestsOnSqlite(SqliteHost host) : PermitTests(host);

[Collection(nameof(PostgresCollection))]
public sealed class PermitTestsOnPostgres(PostgresHost host) : PermitTests(host);
