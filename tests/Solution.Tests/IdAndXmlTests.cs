using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using LeadQualifyExtensions.Packaging;

namespace LeadQualifyExtensions.Solution.Tests;

[TestClass]
public sealed class IdAndXmlTests
{
    private static readonly AssemblyInfo Assembly = new(
        "Contoso.Plugins",
        "Contoso.Plugins, Version=1.0.0.0, Culture=neutral, PublicKeyToken=0123456789abcdef",
        new Version(1, 0, 0, 0),
        "0123456789abcdef",
        ".NETFramework,Version=v4.6.2",
        []);

    private static readonly PluginTypeInfo Type = new("Contoso.Plugins.LeadGuard", PluginTypeKind.Plugin, null, null, null, []);

    [TestMethod]
    public void NameBasedGuid_Rfc4122DnsExample_MatchesPublishedVersion5Value()
    {
        var dnsNamespace = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        var id = NameBasedGuid.Create(dnsNamespace, "www.example.com");

        Assert.AreEqual(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), id);
    }

    [TestMethod]
    public void ComponentIds_SameStepTwice_SameIdAndDifferentRankGivesDifferentId()
    {
        var first = ComponentIds.Step("A.B", "Update", "lead", 20, 0, 1);

        var again = ComponentIds.Step("A.B", "Update", "lead", 20, 0, 1);
        var otherRank = ComponentIds.Step("A.B", "Update", "lead", 20, 0, 2);

        Assert.AreEqual(first, again);
        Assert.AreNotEqual(first, otherRank);
        Assert.AreEqual(5, (first.ToByteArray(bigEndian: true)[6] >> 4));
    }

    [TestMethod]
    public void Step_UpdateWithPreImage_WritesExportOrderAndImage()
    {
        var declaration = new StepDeclaration("Update", "lead", 20, 0, 1, ["statecode", "statuscode"], "PreImage", ["statecode"], null, [], null, null);
        var step = new StepRegistration(Assembly, Type, declaration, ComponentIds.Step(Type.FullName, "Update", "lead", 20, 0, 1), new Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8"));

        var element = CustomizationsXml.Step(step, "1.0.0.0");

        Assert.AreEqual("Contoso.Plugins.LeadGuard: Update of lead", (string?)element.Attribute("Name"));
        Assert.AreEqual("SdkMessageId", element.Elements().First().Name.LocalName);
        Assert.AreEqual("statecode,statuscode", (string?)element.Element("FilteringAttributes"));
        var image = element.Element("SdkMessageProcessingStepImages")!.Element("SdkMessageProcessingStepImage")!;
        Assert.AreEqual("Target", (string?)image.Element("MessagePropertyName"));
        Assert.AreEqual("0", (string?)image.Element("ImageType"));
        Assert.AreEqual(CustomizationsXml.Braced(ComponentIds.Image(step.StepId, "PreImage")), (string?)image.Element("SdkMessageProcessingStepImageId"));
    }

    [TestMethod]
    public void Step_SetStatePostImage_TakesImageFromEntityMoniker()
    {
        var declaration = new StepDeclaration("SetState", "lead", 40, 1, 1, [], null, [], "PostImage", ["statecode"], "cfg", "Does things");
        var step = new StepRegistration(Assembly, Type, declaration, Guid.NewGuid(), Guid.NewGuid());

        var element = CustomizationsXml.Step(step, "1.0.0.0");

        Assert.AreEqual("EntityMoniker", (string?)element.Descendants("MessagePropertyName").Single());
        Assert.AreEqual("1", (string?)element.Descendants("ImageType").Single());
        Assert.AreEqual("cfg", (string?)element.Element("Configuration"));
        Assert.AreEqual("Does things", (string?)element.Element("Description"));
        Assert.AreEqual("1", (string?)element.Element("Mode"));
    }

    [TestMethod]
    public void Step_WithoutMessageId_ThrowsNamingTheMessage()
    {
        var declaration = new StepDeclaration("QualifyLead", "lead", 40, 0, 1, [], null, [], null, [], null, null);
        var step = new StepRegistration(Assembly, Type, declaration, Guid.NewGuid(), null);

        var exception = Assert.ThrowsExactly<PackagingException>(() => CustomizationsXml.Step(step, "1.0.0.0"));

        Assert.Contains("QualifyLead", exception.Message);
    }

    [TestMethod]
    public void PluginAssembly_ActivityType_HasGroupAndFriendlyNameFromAttribute()
    {
        var activity = new PluginTypeInfo("Contoso.Workflows.Score", PluginTypeKind.WorkflowActivity, "Score lead", "Lead Qualification", "Scores.", []);
        var assembly = Assembly with { Types = [Type, activity] };

        var element = CustomizationsXml.PluginAssembly(assembly, "1.0.0.0");

        var types = element.Element("PluginTypes")!.Elements("PluginType").ToList();
        Assert.HasCount(2, types);
        Assert.AreEqual("Score lead", (string?)types[1].Element("FriendlyName"));
        Assert.AreEqual("Lead Qualification", (string?)types[1].Element("WorkflowActivityGroupName"));
        Assert.IsNull(types[0].Element("WorkflowActivityGroupName"));
        var id = ComponentIds.Assembly("Contoso.Plugins").ToString("D").ToUpperInvariant();
        Assert.AreEqual($"/PluginAssemblies/ContosoPlugins-{id}/ContosoPlugins.dll", (string?)element.Element("FileName"));
    }

    [TestMethod]
    public void ContentTypes_XmlAndDllParts_OneLineWithBomAndOneDefaultPerExtension()
    {
        var bytes = DeterministicZip.ContentTypes(["a.xml", "b/c.xml", "d/e.dll", "f/noext"]);

        var text = Encoding.UTF8.GetString(bytes.AsSpan(3));
        Assert.IsTrue(bytes.AsSpan(0, 3).SequenceEqual(Encoding.UTF8.GetPreamble()));
        Assert.DoesNotContain("\n", text);
        Assert.AreEqual(1, text.Split("Extension=\"xml\"").Length - 1);
        Assert.Contains("<Default Extension=\"dll\" ContentType=\"application/octet-stream\" />", text);
        Assert.Contains("<Override PartName=\"/f/noext\" ContentType=\"application/octet-stream\" />", text);
    }

    [TestMethod]
    public void DeterministicZip_SameEntries_IdenticalBytesDeflatedWithoutFolders()
    {
        (string, byte[])[] entries = [("customizations.xml", [1, 2, 3]), ("PluginAssemblies/X-1/X.dll", [4, 5])];

        var first = DeterministicZip.Create(entries);
        var second = DeterministicZip.Create(entries);

        CollectionAssert.AreEqual(first, second);
        using var archive = new ZipArchive(new MemoryStream(first), ZipArchiveMode.Read);
        CollectionAssert.AreEqual(
            new[] { "customizations.xml", "PluginAssemblies/X-1/X.dll", "[Content_Types].xml" },
            archive.Entries.Select(e => e.FullName).ToArray());
        Assert.IsTrue(archive.Entries.All(e => e.LastWriteTime.Year == 2000));
    }

    [TestMethod]
    public void ServerExport_Element_HasNoBomNoDeclarationAndCrlf()
    {
        var bytes = XmlText.ServerExport(new XElement("ImportExportXml", new XElement("Roles")));

        var text = Encoding.UTF8.GetString(bytes);
        Assert.AreEqual('<', text[0]);
        Assert.Contains("\r\n", text);
        Assert.DoesNotContain("<?xml", text);
    }

    [TestMethod]
    public void MessageTable_Committed_HasProvenanceForEveryIdQualifyLeadIncluded()
    {
        var table = MessageTable.Load(TestInputs.Workspace.MessagesPath);

        Assert.AreEqual(new Guid("644c3365-b36c-431e-b76b-5c3e48adee55"), table.Find("QualifyLead"));
        StringAssert.Contains(table.Entries.Single(e => e.Name == "QualifyLead").Provenance, "qualifylead-message-id.md", StringComparison.Ordinal);
        Assert.AreEqual(new Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8"), table.Find("Update"));
        Assert.IsTrue(table.Entries.All(e => e.Provenance.Length > 10));
    }

    [TestMethod]
    public void MessageTable_EntryWithoutProvenance_Throws()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, """{"messages":[{"name":"QualifyLead","id":"00000000-0000-0000-0000-000000000001"}]}""");

        try
        {
            Assert.ThrowsExactly<PackagingException>(() => MessageTable.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void MappingFile_DoubleStarPath_FindsBuiltFileInAnySubfolder()
    {
        var root = Directory.CreateTempSubdirectory().FullName;
        var source = Directory.CreateDirectory(Path.Combine(root, "src")).FullName;
        var built = Directory.CreateDirectory(Path.Combine(root, "bin", "Debug", "net462")).FullName;
        File.WriteAllBytes(Path.Combine(built, "A.B.dll"), [1]);
        var mapping = Path.Combine(root, "mapping.xml");
        File.WriteAllText(mapping, """<Mapping><FileToFile map="AB.dll" to="..\bin\**\A.B.dll" /></Mapping>""");

        var resolved = MappingFile.Load(mapping).Resolve(source, "AB.dll");

        Assert.AreEqual(Path.Combine(built, "A.B.dll"), resolved);
        Directory.Delete(root, recursive: true);
    }
}
