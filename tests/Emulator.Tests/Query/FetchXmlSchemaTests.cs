using System;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using LeadQualifyExtensions.Testing;

namespace LeadQualifyExtensions.Emulator.Tests.Query;

/// <summary>
/// Checks the test FetchXML against Microsoft's Fetch.xsd from the shared folder beside the repository (the schema is
/// never copied into the product).
/// </summary>
[TestClass]
public sealed class FetchXmlSchemaTests
{
    private static readonly Lazy<XmlSchemaSet> Schemas = new(LoadSchemas);

    [TestMethod]
    public void ValidSamples_AgainstFetchXsd_Validate()
    {
        foreach (var sample in FetchSamples.Valid)
        {
            var error = Validate(sample);

            Assert.IsNull(error, sample);
        }
    }

    [TestMethod]
    public void InvalidSamples_AgainstFetchXsd_FailValidation()
    {
        foreach (var sample in FetchSamples.Invalid)
        {
            var error = Validate(sample);

            Assert.IsNotNull(error, sample);
        }
    }

    private static string? Validate(string fetchXml)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(fetchXml);
        }
        catch (XmlException ex)
        {
            return ex.Message;
        }

        string? error = null;
        document.Validate(Schemas.Value, (_, e) => error ??= e.Message);
        return error;
    }

    private static XmlSchemaSet LoadSchemas()
    {
        var set = new XmlSchemaSet();
        set.Add(null, SharedRoot.File("schemas", "Fetch.xsd"));
        set.Compile();
        return set;
    }
}
