using System.Text;
using Microsoft.Playwright;
using TravelPermits.TestSupport;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace TravelPermits.Web.Tests;

/// <summary>
/// The checkpoint's camera without the browser's BarcodeDetector: a Chromium whose fake camera films a
/// permit's printed QR code (the Host's own PNG, made into a Y4M video), read by jsQR in the page's worker.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class ScannerCameraTests(WebHost web)
{
    private const string Checkpoint = "checkpoint@danang.demo";
    private const int Width = 640;
    private const int Height = 480;

    [Fact]
    public async Task The_camera_reads_a_permit_s_QR_code_with_jsQR_shows_valid_full_screen_then_scans_on()
    {
        var ct = TestContext.Current.CancellationToken;
        var permit = (await ApiSteps.IssueAsync(web, WebHost.Clerk, [Workbooks.Person(4, $"Lê Văn Máy Quay {ApiSteps.Tag()}")]))[0];
        using var clerk = await web.ApiAsync(WebHost.Clerk);
        var png = await clerk.GetByteArrayAsync($"/api/v1/permits/{permit.Id}/qr.png", ct);
        var video = Path.Combine(web.WorkDirectory, $"qr-{permit.Id:N}.y4m");
        await File.WriteAllBytesAsync(video, Y4m(await LumaAsync(png)), ct);

        await using var browser = await web.LaunchAsync(
            "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", $"--use-file-for-fake-video-capture={video}");
        await using var checkpoint = await web.OpenAsync(browser, 360, 740);
        var page = checkpoint.Page;
        // Whatever this Chromium offers, the page must read the code itself: no BarcodeDetector.
        await page.Context.AddInitScriptAsync("delete window.BarcodeDetector;");
        await checkpoint.SignInAsync(Checkpoint);
        await page.Locator("#scan-start").ClickAsync();
        await Expect(page.Locator("#camera")).ToBeVisibleAsync();

        // The whole screen turns the verdict's colour, with the holder in full for a checkpoint.
        await Expect(page.Locator("#result")).ToHaveClassAsync("result full v-valid");
        await Expect(page.Locator("#verdict")).ToHaveTextAsync("HỢP LỆ");
        await Expect(page.Locator("#facts dd[data-fact='holder']")).ToHaveTextAsync(permit.Person.FullName);
        await Expect(page.Locator("#facts dd[data-fact='idNumber']")).ToHaveTextAsync(permit.Person.IdNumber);
        await Expect(page.Locator("#offline-note")).ToBeHiddenAsync();
        await Expect(page.Locator("#next")).ToBeFocusedAsync();
        await Shots.TakeAsync(page, "scanner-camera-valid", fullPage: false); // the answer covers the screen
        await checkpoint.CheckFitsWidthAsync();
        await checkpoint.CheckAccessibilityAsync();

        // Then back to the camera by itself; the same code, still before it, is read again a few seconds later.
        await Expect(page.Locator("#result")).ToHaveClassAsync("result", new() { Timeout = 6_000 });
        await Expect(page.Locator("#scan-stop")).ToBeVisibleAsync();
        await Expect(page.Locator("#recent li")).ToHaveCountAsync(2, new() { Timeout = 10_000 });
        await Expect(page.Locator("#result")).ToHaveClassAsync("result full v-valid");
        await page.Locator("#next").ClickAsync();
        await Expect(page.Locator("#result")).ToHaveClassAsync("result");
        await page.Locator("#scan-stop").ClickAsync();
        await Expect(page.Locator("#camera")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_photo_of_a_permit_s_QR_code_from_the_phone_s_camera_app_is_read_too_and_a_photo_without_one_says_so()
    {
        var ct = TestContext.Current.CancellationToken;
        var permit = (await ApiSteps.IssueAsync(web, WebHost.Clerk, [Workbooks.Person(8, $"Vũ Thị Ảnh Chụp {ApiSteps.Tag()}")]))[0];
        using var clerk = await web.ApiAsync(WebHost.Clerk);
        var png = await clerk.GetByteArrayAsync($"/api/v1/permits/{permit.Id}/qr.png", ct);

        await using var checkpoint = await web.OpenAsync(width: 360, height: 740);
        var page = checkpoint.Page;
        await page.Context.AddInitScriptAsync("delete window.BarcodeDetector;");
        await checkpoint.SignInAsync(Checkpoint);
        await Expect(page.Locator("#token")).ToBeFocusedAsync(); // the page's script has run to its end: the photo is listened for
        await Expect(page.Locator("#photo-take")).ToBeVisibleAsync();
        await page.Locator("#photo").SetInputFilesAsync(new FilePayload { Name = "anh.png", MimeType = "image/png", Buffer = png });
        await Expect(page.Locator("#verdict")).ToHaveTextAsync("HỢP LỆ");
        await Expect(page.Locator("#facts dd[data-fact='holder']")).ToHaveTextAsync(permit.Person.FullName);

        var blank = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==");
        await page.Locator("#photo").SetInputFilesAsync(new FilePayload { Name = "trang.png", MimeType = "image/png", Buffer = blank });
        await Expect(page.Locator("#failed")).ToContainTextAsync("Không đọc được mã QR trong ảnh");
        await Expect(page.Locator("#recent li")).ToHaveCountAsync(1);
        await checkpoint.CheckAccessibilityAsync();
    }

    /// <summary>The QR code's PNG drawn on white in the middle of a frame, as grey levels (a browser decodes the PNG).</summary>
    private async Task<byte[]> LumaAsync(byte[] png)
    {
        await using var drawer = await web.OpenAsync();
        var luma = await drawer.Page.EvaluateAsync<string>("""
            async ([src, w, h]) => {
              const image = new Image();
              image.src = src;
              await image.decode();
              const canvas = document.createElement('canvas');
              canvas.width = w;
              canvas.height = h;
              const context = canvas.getContext('2d');
              context.fillStyle = '#fff';
              context.fillRect(0, 0, w, h);
              context.imageSmoothingEnabled = false;
              const side = Math.min(w, h) - 60;
              context.drawImage(image, (w - side) / 2, (h - side) / 2, side, side);
              const rgba = context.getImageData(0, 0, w, h).data;
              let text = '';
              for (let i = 0; i < w * h; i++) {
                text += String.fromCharCode(Math.round(0.299 * rgba[4 * i] + 0.587 * rgba[4 * i + 1] + 0.114 * rgba[4 * i + 2]));
              }
              return btoa(text);
            }
            """, new object[] { $"data:image/png;base64,{Convert.ToBase64String(png)}", Width, Height });
        return Convert.FromBase64String(luma);
    }

    /// <summary>A one-frame YUV4MPEG2 video (4:2:0, grey: the chroma planes at their middle), which Chromium's fake camera loops.</summary>
    private static byte[] Y4m(byte[] luma)
    {
        using var file = new MemoryStream();
        file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F30:1 Ip A1:1 C420jpeg\nFRAME\n"));
        file.Write(luma);
        var chroma = new byte[Width / 2 * (Height / 2)];
        Array.Fill(chroma, (byte)128);
        file.Write(chroma);
        file.Write(chroma);
        return file.ToArray();
    }
}

/// <summary>Screenshots of the scanner's answers, written to PERMITS_TEST_SCREENSHOTS when it names a folder (to look at them).</summary>
internal static class Shots
{
    public static async Task TakeAsync(IPage page, string name, bool fullPage = true)
    {
        if (Environment.GetEnvironmentVariable("PERMITS_TEST_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = fullPage });
        }
    }
}
