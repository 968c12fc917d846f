using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace TravelPermits.Web.Pages;

/// <summary><c>/home</c>: sends each role to its first screen.</summary>
public sealed class HomeModel : PageModel
{
    public IActionResult OnGet() => Redirect(Navigation.Home(User));
}
