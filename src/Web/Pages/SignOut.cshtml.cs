using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using TravelPermits.Accounts.Contracts;

namespace TravelPermits.Web.Pages;

/// <summary><c>POST /sign-out</c>: removes the cookie (a form, so that no other site can sign a user out with a link).</summary>
public sealed class SignOutModel(IWebSignIn signIn) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/");
    }
}
