using System;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using LeadQualifyExtensions.Packaging;
using LeadQualifyExtensions.Packaging.Verification;

namespace LeadQualifyExtensions.Solution.Tests;

[TestClass]
public sealed class VerifyTests
{
    private const string Customizations = "customizations.xml";

    private static byte[] Good => TestInputs.Packed.Unmanaged;

    [TestMethod]
    public void Verify_MissingSolutionXml_ReportsRootEntry()
    {
        var zip = ZipEditing.Remove(Good, "solution.xml");

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.ZipLayout, "solution.xml");
    }

    [TestMethod]
    public void Verify_ContentTypesWithoutDll_ReportsInvisiblePart()
    {
        var zip = ZipEditing.Rewrite(Good, (name, bytes) => name == DeterministicZip.ContentTypesName
            ? Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(bytes).Replace("<Default Extension=\"dll\" ContentType=\"application/octet-stream\" />", string.Empty, StringComparison.Ordinal))
            : bytes);

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.ContentType, ".dll");
    }

    [TestMethod]
    public void Verify_MisspelledElement_ReportsSchemaError()
    {
        var zip = EditCustomizations(root => FirstStep(root).Element("Rank")!.Name = "Rnk");

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.Schema, "Rnk");
    }

    [TestMethod]
    public void Verify_ExportOrderSdkMessageIdFirst_IsNotASchemaError()
    {
        var report = Verify(Good);

        Assert.IsFalse(report.Has(VerifyRules.Schema), report.ToString());
        Assert.AreEqual("SdkMessageId", FirstStep(ZipEditing.Xml(Good, Customizations)).Elements().First().Name.LocalName);
    }

    [TestMethod]
    public void Verify_StepTypeMissingFromAssembly_ReportsPluginType()
    {
        var zip = EditCustomizations(root =>
        {
            var name = FirstStep(root).Element("PluginTypeName")!;
            name.Value = "LeadQualifyExtensions.Plugins.NoSuchPlugin" + name.Value[name.Value.IndexOf(',', StringComparison.Ordinal)..];
        });

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.PluginType, "NoSuchPlugin");
    }

    [TestMethod]
    public void Verify_StepTypeWithOtherPublicKeyToken_ReportsPluginType()
    {
        var zip = EditCustomizations(root =>
        {
            var name = FirstStep(root).Element("PluginTypeName")!;
            var token = name.Value[(name.Value.LastIndexOf('=') + 1)..];
            name.Value = name.Value.Replace(token, "0123456789abcdef", StringComparison.Ordinal);
        });

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.PluginType, "public key token");
    }

    [TestMethod]
    public void Verify_FilteringAttributesOnDelete_ReportsOnlyUpdate()
    {
        var zip = EditCustomizations(root => StepOf(root, "Delete").Element("FilteringAttributes")!.Value = "statecode");

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.FilteringAttributes, "only on Update");
    }

    [TestMethod]
    public void Verify_ImageOnQualifyLead_ReportsUnsupportedMessage()
    {
        var zip = EditCustomizations(root => StepOf(root, "QualifyLead").Element("SdkMessageProcessingStepImages")!.Add(Image(0)));

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.Image, "does not support entity images");
    }

    [TestMethod]
    public void Verify_PostImageInPreOperation_ReportsStage40Only()
    {
        var zip = EditCustomizations(root =>
        {
            var step = root.Descendants("SdkMessageProcessingStep").First(s => (string?)s.Element("Stage") != "40" && StepMessage(s) == "Update");
            step.Element("SdkMessageProcessingStepImages")!.Add(Image(1));
        });

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.Image, "only in stage 40");
    }

    [TestMethod]
    public void Verify_PostImageOnDelete_ReportsNoRecordAfterDelete()
    {
        var zip = EditCustomizations(root => StepOf(root, "Delete").Element("SdkMessageProcessingStepImages")!.Add(Image(1)));

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.Image, "no record after Delete");
    }

    [TestMethod]
    public void Verify_AsyncInPreOperation_ReportsStage40Only()
    {
        var zip = EditCustomizations(root => root.Descendants("SdkMessageProcessingStep").First(s => (string?)s.Element("Stage") != "40").Element("Mode")!.Value = "1");

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.Async, "only in stage 40");
    }

    [TestMethod]
    public void Verify_AssemblyTargetingOtherFramework_ReportsNet462()
    {
        var zip = ZipEditing.EditBytes(Good, IsPluginsDll, bytes => Replace(bytes, ".NETFramework,Version=v4.6.2", ".NETFramework,Version=v4.6.1"));

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.Assembly, "v4.6.1");
    }

    [TestMethod]
    public void Verify_UnsignedAssembly_ReportsStrongName()
    {
        var unsigned = System.IO.File.ReadAllBytes(typeof(VerifyTests).Assembly.Location);
        var zip = ZipEditing.EditBytes(Good, IsPluginsDll, _ => unsigned);

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.Assembly, "not strong-named");
    }

    [TestMethod]
    public void Verify_AssemblyOver16MB_ReportsSize()
    {
        // Padded with bytes that do not compress, as a real DLL's do not: 16 MB of zeros is refused earlier as a zip bomb.
        var padding = new byte[16 * 1024 * 1024];
        new Random(14).NextBytes(padding);
        var zip = ZipEditing.EditBytes(Good, IsPluginsDll, bytes => [.. bytes, .. padding]);

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.Assembly, "16 MB");
    }

    [TestMethod]
    public void Verify_IdChangedSincePreviousBuild_ReportsId()
    {
        var baseline = Baseline.FromZip(Good);
        var zip = EditCustomizations(root => FirstStep(root).Attribute("SdkMessageProcessingStepId")!.Value = "{00000000-0000-0000-0000-0000000000aa}");

        var report = SolutionVerifier.Verify("changed.zip", zip, TestInputs.VerifyOptions(baseline));

        AssertFinding(report, VerifyRules.IdChanged, "00000000-0000-0000-0000-0000000000aa");
    }

    [TestMethod]
    public void Verify_StepDiffersFromAttribute_ReportsDeclaration()
    {
        var zip = EditCustomizations(root => FirstStep(root).Element("FilteringAttributes")!.Value = "firstname");

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.Declaration, "differs from the PluginStep attribute");
    }

    [TestMethod]
    public void Verify_TwoStepsWithOneId_ReportsDeclarationInsteadOfFailing()
    {
        var zip = EditCustomizations(root => FirstStep(root).AddAfterSelf(new XElement(FirstStep(root))));

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.Declaration, "steps share the id");
    }

    [TestMethod]
    public void Verify_WrongMessageIdForMessage_ReportsMessage()
    {
        var zip = EditCustomizations(root => StepOf(root, "Delete").Element("SdkMessageId")!.Value = "20bebb1b-ea3e-db11-86a7-000a3a5473e8");

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.MessageId, "is the id of 'Update'");
    }

    [TestMethod]
    public void Verify_ManagedValueTwo_ReportsManifest()
    {
        var zip = ZipEditing.EditXml(Good, "solution.xml", root => root.Element("SolutionManifest")!.Element("Managed")!.Value = "2");

        var report = Verify(zip);

        AssertFinding(report, VerifyRules.Manifest, "<Managed>");
    }

    private static VerifyReport Verify(byte[] zip) => SolutionVerifier.Verify("broken.zip", zip, TestInputs.VerifyOptions());

    private static void AssertFinding(VerifyReport report, string rule, string text)
    {
        Assert.IsTrue(
            report.Findings.Any(f => f.Rule == rule && f.Message.Contains(text, StringComparison.Ordinal)),
            $"Expected a {rule} finding mentioning '{text}', got:\n{report}");
        Assert.IsFalse(report.IsOk, "a broken rule must fail verification");
    }

    private static byte[] EditCustomizations(Action<XElement> edit) => ZipEditing.EditXml(Good, Customizations, edit);

    private static XElement FirstStep(XElement root) => root.Descendants("SdkMessageProcessingStep").First();

    private static XElement StepOf(XElement root, string message) => root.Descendants("SdkMessageProcessingStep").First(s => StepMessage(s) == message);

    private static string StepMessage(XElement step) => ((string)step.Attribute("Name")!).Split(": ")[1].Split(" of ")[0];

    private static bool IsPluginsDll(string name) => name.EndsWith("LeadQualifyExtensionsPlugins.dll", StringComparison.Ordinal);

    private static XElement Image(int type) =>
        new(
            "SdkMessageProcessingStepImage",
            new XAttribute("Name", "Extra"),
            new XElement("SdkMessageProcessingStepImageId", "{" + Guid.NewGuid() + "}"),
            new XElement("Attributes", "statecode"),
            new XElement("EntityAlias", "Extra"),
            new XElement("ImageType", type),
            new XElement("MessagePropertyName", "Target"),
            new XElement("IsCustomizable", "1"));

    private static byte[] Replace(byte[] bytes, string from, string to)
    {
        var pattern = Encoding.UTF8.GetBytes(from);
        var index = bytes.AsSpan().IndexOf(pattern);
        Assert.IsGreaterThanOrEqualTo(0, index, $"'{from}' not found in the assembly.");
        var copy = bytes.ToArray();
        Encoding.UTF8.GetBytes(to).CopyTo(copy, index);
        return copy;
    }
}
