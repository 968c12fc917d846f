using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace TravelPermits.Web.Tests;

/// <summary>
/// A page in its own browser profile that records what must never happen: a CSP violation (reported
/// by the page's <c>securitypolicyviolation</c> event and the console), a request to another origin,
/// an asset or icon it asks for that is missing, an uncaught script error. <see cref="DisposeAsync"/> fails the test on any.
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri _origin;
    private readonly List<string> _problems = [];

    private BrowserPage(IBrowserContext context, IPage page, Uri origin)
    {
        _context = context;
        Page = page;
        _origin = origin;
    }

    public IPage Page { get; }

    public static async Task<BrowserPage> OpenAsync(IBrowserContext context, Uri origin)
    {
        // Runs in every document before its own scripts (through the DevTools protocol, outside the page's CSP).
        await context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
              console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
            """);
        var page = await context.NewPageAsync();
        var browserPage = new BrowserPage(context, page, origin);
        context.Request += (_, request) => browserPage.CheckOrigin(request.Url);
        context.Response += (_, response) => browserPage.CheckAsset(response.Url, response.Status);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.StartsWith("CSP violation", StringComparison.Ordinal))
            {
                browserPage.Problem($"{message.Text} ({page.Url})");
            }
        };
        page.PageError += (_, error) => browserPage.Problem($"script error on {page.Url}: {error}");
        return browserPage;
    }

    private void CheckOrigin(string url)
    {
        var target = new Uri(url);
        if (target.Scheme is "http" or "https" or "ws" or "wss"
            && !(target.Host == _origin.Host && target.Port == _origin.Port))
        {
            Problem($"request to another origin: {url}");
        }
    }

    /// <summary>What a page loads by itself (its scripts, styles, icons, the browser's own favicon request) exists.</summary>
    private void CheckAsset(string url, int status)
    {
        var path = new Uri(url).AbsolutePath;
        if (status == 404 && (path.StartsWith("/assets/", StringComparison.Ordinal) || path == "/favicon.ico"))
        {
            Problem($"{url} answered 404");
        }
    }

    private void Problem(string what)
    {
        lock (_problems)
        {
            _problems.Add(what);
        }
    }

    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path);
        Assert.True(response?.Ok == true, $"GET {path}: {response?.Status}");
    }

    /// <summary>Signs in and waits for the account's screen.</summary>
    public async Task SignInAsync(string email, string password = WebHost.Password)
    {
        await SubmitSignInAsync(email, password);
        // The account's screen loaded and its module run, asked of the page itself: "complete" comes
        // after DOMContentLoaded, which waits for module scripts ("interactive" comes before them), and
        // Playwright's WaitForURL, when the URL is already there, waits for a load state that may be past.
        // A form typed into before its script listens would be sent by the browser itself.
        await Page.WaitForFunctionAsync("() => location.pathname !== '/' && document.readyState === 'complete'");
    }

    /// <summary>Fills in and sends the sign-in form, whatever its answer.</summary>
    public async Task SubmitSignInAsync(string email, string password)
    {
        await Page.GotoAsync("/");
        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(password);
        await Page.Locator("form button[type=submit].primary").ClickAsync();
    }

    /// <summary>axe-core on the page as it is now: no serious or critical violation.</summary>
    public async Task CheckAccessibilityAsync()
    {
        var result = await Page.RunAxe();
        var severe = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Impact} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))})")
            .ToList();
        Assert.True(severe.Count == 0, $"axe on {Page.Url}:\n{string.Join('\n', severe)}");
    }

    /// <summary>Nothing sticks out sideways: the page scrolls only down (tables scroll inside their own box).</summary>
    public async Task CheckFitsWidthAsync()
    {
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        var wide = overflow <= 0 ? "" : await Page.EvaluateAsync<string>("""
            () => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                && !e.closest('.table-wrap')).slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ')
            """);
        Assert.True(overflow <= 0, $"{Page.Url} is {overflow}px wider than the {Page.ViewportSize?.Width}px screen: {wide}");
    }

    public void AssertClean()
    {
        lock (_problems)
        {
            Assert.True(_problems.Count == 0, string.Join('\n', _problems));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        AssertClean();
    }
}
