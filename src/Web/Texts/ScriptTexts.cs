using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Html;
using TravelPermits.SharedKernel.Localization;

namespace TravelPermits.Web;

/// <summary>
/// The texts a page's script shows, in the page's language, as a JSON data block
/// (<c>&lt;script type="application/json" id="texts"&gt;</c>): data, not code, so the CSP has nothing to refuse.
/// </summary>
internal static class ScriptTexts
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Default };

    public static IHtmlContent Block(params IReadOnlyDictionary<string, LocalizedText>[] sets)
    {
        var texts = new Dictionary<string, string>();
        foreach (var (key, text) in sets.Prepend(WebTexts.Common).SelectMany(s => s))
        {
            texts[key] = text.Resolve();
        }
        // The default encoder escapes <, > and &: the block cannot close its element.
        return new HtmlString($"<script type=\"application/json\" id=\"texts\">{JsonSerializer.Serialize(texts, Json)}</script>");
    }
}
