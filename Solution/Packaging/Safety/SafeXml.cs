using System.IO;
using System.Xml;
using System.Xml.Linq;

namespace LeadQualifyExtensions.Packaging;

/// <summary>
/// The one way XML from outside is read (solution files, FetchXML, paging cookies): no DTD, so no entity can expand
/// (billion laughs) or decide what a document says, and no resolver, so nothing is fetched from a file or the network.
/// Compiled into the packer and (linked) into the emulator, which do not reference each other.
/// </summary>
internal static class SafeXml
{
    private static XmlReaderSettings Settings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
    };

    /// <summary>The root element of the XML text; throws <see cref="XmlException"/> when it is not well-formed or has a DTD.</summary>
    public static XElement Parse(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), Settings);
        return XElement.Load(reader);
    }

    /// <summary>The document in <paramref name="stream"/>; throws <see cref="XmlException"/> as <see cref="Parse"/> does.</summary>
    public static XDocument Load(Stream stream)
    {
        using var reader = XmlReader.Create(stream, Settings);
        return XDocument.Load(reader);
    }

    /// <summary>The document in <paramref name="bytes"/>.</summary>
    public static XDocument Load(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return Load(stream);
    }

    /// <summary>The document in the file at <paramref name="path"/>.</summary>
    public static XDocument LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }
}
