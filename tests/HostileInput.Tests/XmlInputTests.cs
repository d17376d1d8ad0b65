using System;
using System.IO;
using System.Linq;
using System.ServiceModel;
using System.Text;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Emulator.Pipeline;
using LeadQualifyExtensions.Packaging;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace LeadQualifyExtensions.HostileInput.Tests;

/// <summary>Issue 14 item 4: no XML the emulator, packer, verifier or lqx reads may carry a DTD; errors quote a short prefix.</summary>
[TestClass]
public sealed class XmlInputTests
{
    private const string DtdRefused = "DTD";

    [TestMethod]
    public void FetchXml_InternalEntityNamesTheTable_NoStepFiresAndTheQueryFaults()
    {
        var emulator = new XrmEmulator();
        var step = emulator.RegisterStep(new PluginStep
        {
            Message = "RetrieveMultiple",
            PrimaryEntity = "lead",
            Stage = PipelineStage.PreValidation,
            PluginFactory = (_, _) => new NoOpPlugin(),
        });
        var before = Snapshots.Of(emulator);
        const string query = "<!DOCTYPE fetch [<!ENTITY t \"lead\">]><fetch><entity name=\"&t;\"><attribute name=\"fullname\" /></entity></fetch>";

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(
            () => emulator.GetOrganizationService().RetrieveMultiple(new FetchExpression(query)));

        Assert.Contains(DtdRefused, fault.Message);
        Assert.AreEqual(0, step.ExecutionCount, "an entity declared in the query decided which steps fire");
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void FetchXml_BillionLaughs_RefusedWithoutExpanding()
    {
        var emulator = new XrmEmulator();
        var before = Snapshots.Of(emulator);
        var query = HostileZips.BillionLaughs("fetch", "<fetch><entity name=\"lead\"><attribute name=\"subject\" /><filter><condition attribute=\"subject\" operator=\"eq\" value=\"&lol9;\" /></filter></entity></fetch>");
        var service = emulator.GetOrganizationService();
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => service.RetrieveMultiple(new FetchExpression(query)));

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.Contains(DtdRefused, fault.Message);
        Assert.IsLessThan(8L * 1024 * 1024, allocated, $"{allocated} bytes allocated: the entities were expanded before the query was refused");
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void PagingCookie_WithDtd_FaultsInsteadOfPaging()
    {
        var emulator = new XrmEmulator();
        var service = emulator.GetOrganizationService();
        var first = service.Create(new Entity("lead") { ["lastname"] = "One" });
        service.Create(new Entity("lead") { ["lastname"] = "Two" });
        var before = Snapshots.Of(emulator);
        var cookie = $"<!DOCTYPE cookie [<!ENTITY p \"1\">]><cookie page=\"&p;\"><leadid last=\"{first:B}\" first=\"{first:B}\" /></cookie>";
        var query = new QueryExpression("lead") { ColumnSet = new ColumnSet("lastname"), PageInfo = new PagingInfo { Count = 1, PageNumber = 2, PagingCookie = cookie } };
        query.AddOrder("leadid", OrderType.Ascending);

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => service.RetrieveMultiple(query));

        Assert.AreEqual(unchecked((int)0x80040203), fault.Detail.ErrorCode);
        Assert.Contains(DtdRefused, fault.Message);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void PagingCookie_TwoMegabytesOfGarbage_ErrorQuotesAShortPrefix()
    {
        var emulator = new XrmEmulator();
        var before = Snapshots.Of(emulator);
        var cookie = "<cookie" + new string('x', 2 * 1024 * 1024);
        var query = new QueryExpression("lead") { PageInfo = new PagingInfo { Count = 1, PageNumber = 2, PagingCookie = cookie } };

        var fault = Assert.ThrowsExactly<FaultException<OrganizationServiceFault>>(() => emulator.GetOrganizationService().RetrieveMultiple(query));

        Assert.IsLessThan(300, fault.Message.Length, "the whole cookie was echoed");
        Assert.Contains("<cookiexxx", fault.Message);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void Import_CustomizationsWithDtd_RefusedAndNothingRegistered()
    {
        var emulator = new XrmEmulator();
        var before = Snapshots.Of(emulator);
        var zip = HostileZips.WithText(TestHost.SolutionZip, "customizations.xml", WithInternalEntity);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => emulator.ImportSolution(new MemoryStream(zip)));

        Assert.Contains(DtdRefused, error.Message);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void Import_EnvironmentVariableWithDtd_RefusedAndNoStepRegistered()
    {
        // Definitions were read after the steps were registered: a bad definition left every step behind.
        var emulator = new XrmEmulator();
        var before = Snapshots.Of(emulator);
        var zip = HostileZips.WithText(TestHost.SolutionZip, PolicyDefinitionPath, WithInternalEntity);

        var error = Assert.ThrowsExactly<InvalidDataException>(() => emulator.ImportSolution(new MemoryStream(zip)));

        Assert.Contains(DtdRefused, error.Message);
        CollectionAssert.AreEqual(before, Snapshots.Of(emulator));
    }

    [TestMethod]
    public void Verify_CustomizationsWithDtd_ReportedNotExpanded()
    {
        var folder = TestHost.NewFolder();
        try
        {
            var path = Path.Combine(folder, "dtd.zip");
            File.WriteAllBytes(path, HostileZips.WithText(TestHost.SolutionZip, "customizations.xml", WithInternalEntity));
            var before = Snapshots.Of(folder);

            var (code, output) = TestHost.Lqx("verify", "--repo", TestHost.RepoRoot, path);

            Assert.AreEqual(1, code, output);
            Assert.Contains(DtdRefused, output);
            CollectionAssert.AreEqual(before, Snapshots.Of(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void Pack_SourceManifestWithDtd_RefusedAndNothingWritten()
    {
        var folder = TestHost.NewFolder();
        try
        {
            var source = Path.Combine(folder, "src");
            CopyFolder(Path.Combine(TestHost.RepoRoot, "Solution", "src"), source);
            var manifest = Path.Combine(source, "Other", "Solution.xml");
            File.WriteAllText(manifest, WithInternalEntity(File.ReadAllText(manifest)));
            var workspace = new Workspace(TestHost.RepoRoot);
            var references = workspace.ReferencePaths();
            var assemblies = workspace.ReadAssemblies(references, BuiltSolution.ShippedAssemblyPaths(typeof(XmlInputTests).Assembly));
            var before = Snapshots.Of(folder);

            var error = Assert.ThrowsExactly<System.Xml.XmlException>(() => SolutionPacker.Pack(new PackRequest(source, assemblies, workspace.LoadMessages())));

            Assert.Contains(DtdRefused, error.Message);
            CollectionAssert.AreEqual(before, Snapshots.Of(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private const string PolicyDefinitionPath = "environmentvariabledefinitions/lqx_LeadQualificationPolicy/environmentvariabledefinition.xml";

    /// <summary>The document with a DTD declaring one harmless internal entity, used once in an attribute-free spot.</summary>
    private static string WithInternalEntity(string xml)
    {
        xml = xml.TrimStart('\uFEFF');
        var start = xml.IndexOf('<', StringComparison.Ordinal);
        while (xml[start + 1] is '?' or '!')
        {
            start = xml.IndexOf('<', start + 1);
        }

        var rootName = new string(xml[(start + 1)..].TakeWhile(c => !char.IsWhiteSpace(c) && c != '>' && c != '/').ToArray());
        var closing = xml.LastIndexOf("</", StringComparison.Ordinal);
        return new StringBuilder(xml[..start])
            .Append("<!DOCTYPE ").Append(rootName).Append(" [<!ENTITY hidden \"\">]>")
            .Append(xml[start..closing])
            .Append("&hidden;")
            .Append(xml[closing..])
            .ToString();
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private sealed class NoOpPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
        }
    }
}
