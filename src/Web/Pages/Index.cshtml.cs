using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TravelPermits.Accounts.Contracts;
using TravelPermits.SharedKernel.Problems;

namespace TravelPermits.Web.Pages;

/// <summary>
/// <c>/</c>: the sign-in page. The form posts here (with its anti-forgery token); the account is
/// checked as <c>POST /api/v1/auth/login</c> checks it (same messages, lockout) and the answer is the cookie.
/// </summary>
public sealed class IndexModel(IWebSignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }
    public bool EmailMissing { get; private set; }
    public bool PasswordMissing { get; private set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? Redirect(Navigation.LocalOnly(ReturnUrl) ?? Navigation.Home(User)) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        EmailMissing = string.IsNullOrWhiteSpace(Email);
        PasswordMissing = string.IsNullOrEmpty(Password);
        if (EmailMissing || PasswordMissing || Email!.Length > 256 || Password!.Length > 256)
        {
            return Page();
        }
        try
        {
            await signIn.SignInAsync(Email, Password, HttpContext.Connection.RemoteIpAddress, cancellationToken);
        }
        catch (ProblemException refused) when (refused.Status == Microsoft.AspNetCore.Http.StatusCodes.Status401Unauthorized)
        {
            Error = refused.Text.Resolve();
            return Page();
        }
        // The cookie is set; the next request carries it, and /home sends each role to its screen.
        return Redirect(Navigation.LocalOnly(ReturnUrl) ?? "/home");
    }
}
