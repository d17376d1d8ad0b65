using System;
using System.IO;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace LeadQualifyExtensions.Emulator.Tests.Query;

/// <summary>
/// Checks the test FetchXML against Microsoft's Fetch.xsd from the shared folder (found by
/// walking up from the test binaries; the schema is never copied into the product).
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
        set.Add(null, FindSchema());
        set.Compile();
        return set;
    }

    private static string FindSchema()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "schemas", "Fetch.xsd");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/schemas/Fetch.xsd was not found above " + AppContext.BaseDirectory);
    }
}
