using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace LeadQualifyExtensions.Packaging;

/// <summary>The two text forms Microsoft's tools write (solution-format.md 1.6).</summary>
public static class XmlText
{
    /// <summary>Server-export form of solution.xml and customizations.xml: UTF-8 without BOM, no declaration, CRLF.</summary>
    public static byte[] ServerExport(XElement root) => Write(root, new XmlWriterSettings
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = true,
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\r\n",
        NewLineHandling = NewLineHandling.Replace,
    });

    /// <summary>Unpacked-source form of a component file: BOM, declaration, CRLF, one attribute per line, final newline.</summary>
    public static byte[] Unpacked(XElement root) => [.. Write(root, UnpackedSettings), .. "\r\n"u8];

    private static XmlWriterSettings UnpackedSettings => new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        OmitXmlDeclaration = false,
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\r\n",
        NewLineHandling = NewLineHandling.Replace,
        NewLineOnAttributes = true,
    };

    private static byte[] Write(XElement root, XmlWriterSettings settings)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            root.WriteTo(writer);
        }

        return stream.ToArray();
    }
}
