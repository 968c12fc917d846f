using System.Xml;

namespace TravelPermits.Approvals.Template;

/// <summary>
/// How the sheet reader walks SpreadsheetML: an XML reader that resolves nothing and keeps no
/// comments, both namespaces of the format (transitional and strict), and the steps every part's
/// reading shares.
/// </summary>
internal static class SheetXml
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string StrictMain = "http://purl.oclc.org/ooxml/spreadsheetml/main";

    public static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    public static bool IsMain(XmlReader xml) => xml.NamespaceURI is Main or StrictMain;

    /// <summary>
    /// Moves to the next child of the element at <paramref name="depth"/> that is an element of the
    /// sheet's namespace named as <paramref name="wanted"/> says, and answers true; answers false on
    /// the parent's end tag. Whatever else comes first is passed over whole, <paramref name="passing"/>
    /// (a size window) running before each step. A part that ends before the end tag is damaged.
    /// </summary>
    public static bool NextChild(XmlReader xml, int depth, Func<string, bool> wanted, string endsInside, Action? passing = null)
    {
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.EOF)
            {
                throw new XmlException($"The sheet ends inside {endsInside}.");
            }
            if (xml.NodeType == XmlNodeType.Element && IsMain(xml) && wanted(xml.LocalName))
            {
                return true;
            }
            passing?.Invoke();
            if (xml.NodeType == XmlNodeType.Element)
            {
                xml.Skip();
            }
            else
            {
                xml.Read();
            }
        }
        return false;
    }

    /// <summary>
    /// Appends an element's text, cut at the cell limit, and moves past the element: its own text
    /// for a leaf (<c>v</c>, <c>t</c>), the text of its <c>t</c> descendants for rich text
    /// (<c>is</c>, <c>si</c>, <c>r</c>, <c>rPh</c>), as <c>InnerText</c> would.
    /// </summary>
    public static void ReadText(XmlReader xml, CappedText text, bool leaf)
    {
        if (xml.IsEmptyElement)
        {
            xml.Read();
            return;
        }
        var depth = xml.Depth;
        xml.Read();
        while (!(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
        {
            if (xml.EOF)
            {
                throw new XmlException("The part ends inside a text.");
            }
            switch (xml.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace when leaf:
                    text.Append(xml);
                    xml.Read(); // past what was not read: the reader skips it without keeping it
                    break;
                case XmlNodeType.Element when IsMain(xml) && xml.LocalName is "t" or "r" or "rPh":
                    ReadText(xml, text, leaf: xml.LocalName == "t");
                    break;
                case XmlNodeType.Element:
                    xml.Skip();
                    break;
                default:
                    xml.Read();
                    break;
            }
        }
        xml.Read();
    }
}
