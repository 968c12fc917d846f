using System.Xml;

namespace TravelPermits.Approvals.Template;

/// <summary>Text read in chunks up to the cell limit; what is past it is noted, never kept.</summary>
internal sealed class CappedText
{
    private readonly char[] _chunk = new char[1024];
    private readonly System.Text.StringBuilder _text = new();

    public bool TooLong { get; private set; }

    public void Clear()
    {
        _text.Clear();
        TooLong = false;
    }

    public void Append(XmlReader xml)
    {
        int read;
        while (!TooLong && (read = xml.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            var room = TemplateLimits.MaxCellCharacters - _text.Length;
            _text.Append(_chunk, 0, Math.Min(room, read));
            TooLong = read > room;
        }
    }

    public override string ToString() => _text.ToString();
}
