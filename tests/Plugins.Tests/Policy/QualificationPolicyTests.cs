using System;
using System.Linq;
using LeadQualifyExtensions.Plugins.Localization;
using LeadQualifyExtensions.Plugins.Policy;
using LeadQualifyExtensions.Plugins.Tests.TestSupport;

namespace LeadQualifyExtensions.Plugins.Tests.Policy;

[TestClass]
public sealed class QualificationPolicyTests
{
    [TestMethod]
    [DataRow(null)]
    [DataRow("")]
    [DataRow("   ")]
    public void Parse_WhenNotSet_ReturnsDefaults(string? json)
    {
        var result = QualificationPolicy.Parse(json);

        Assert.AreSame(QualificationPolicy.Default, result.Policy);
        Assert.IsNull(result.Problem);
    }

    [TestMethod]
    public void Parse_ShippedDefault_EqualsBuiltInDefaults()
    {
        var policy = QualificationPolicy.Parse(QualificationPolicy.DefaultJson).Policy!;

        AssertSame(QualificationPolicy.Default, policy);
    }

    [TestMethod]
    public void Parse_EmptyObject_TakesEveryDefault()
    {
        var policy = QualificationPolicy.Parse("{}").Policy!;

        AssertSame(QualificationPolicy.Default, policy);
    }

    [TestMethod]
    public void Parse_EveryKeyGiven_ReadsEveryValue()
    {
        const string Json = """
            {
              "requiredFields": ["companyname", "EmailAddress1"],
              "account": "always", "contact": "never", "opportunity": "asRequested",
              "reuseExisting": false, "matchExisting": false, "blockDisqualifyWithOpportunity": false,
              "finishProcessWithoutOpportunity": true, "protectClosedLeads": false
            }
            """;

        var policy = QualificationPolicy.Parse(Json).Policy!;

        CollectionAssert.AreEqual(new[] { "companyname", "emailaddress1" }, policy.RequiredFields.ToArray());
        Assert.AreEqual(RecordCreationMode.Always, policy.Account);
        Assert.AreEqual(RecordCreationMode.Never, policy.Contact);
        Assert.AreEqual(RecordCreationMode.AsRequested, policy.Opportunity);
        Assert.IsFalse(policy.ReuseExisting);
        Assert.IsFalse(policy.MatchExisting);
        Assert.IsFalse(policy.BlockDisqualifyWithOpportunity);
        Assert.IsTrue(policy.FinishProcessWithoutOpportunity);
        Assert.IsFalse(policy.ProtectClosedLeads);
    }

    [TestMethod]
    public void Parse_OneKeyGiven_OthersTakeDefaults()
    {
        var policy = QualificationPolicy.Parse("""{"reuseExisting":false}""").Policy!;

        Assert.IsFalse(policy.ReuseExisting);
        Assert.IsTrue(policy.MatchExisting);
        CollectionAssert.AreEqual(QualificationPolicy.Default.RequiredFields.ToArray(), policy.RequiredFields.ToArray());
    }

    [TestMethod]
    public void Parse_EmptyRequiredFields_RequiresNothing()
    {
        var policy = QualificationPolicy.Parse("""{"requiredFields":[]}""").Policy!;

        Assert.IsEmpty(policy.RequiredFields);
    }

    [TestMethod]
    public void Parse_RepeatedColumn_IsListedOnce()
    {
        var policy = QualificationPolicy.Parse("""{"requiredFields":["need","need"]}""").Policy!;

        CollectionAssert.AreEqual(new[] { "need" }, policy.RequiredFields.ToArray());
    }

    [TestMethod]
    public void Parse_EscapesAndWhitespace_AreAccepted()
    {
        var policy = QualificationPolicy.Parse(" \r\n\t{ \"requiredFields\" : [ \"\\u0062udgetamount\" ] } \n").Policy!;

        CollectionAssert.AreEqual(new[] { "budgetamount" }, policy.RequiredFields.ToArray());
    }

    [TestMethod]
    [DataRow("{", 2)]
    [DataRow("{\"account\":\"always\",}", 21)]
    [DataRow("{'account':'always'}", 2)]
    [DataRow("{\"account\":\"always\"} x", 22)]
    [DataRow("{\"account\":\"always\" // comment\n}", 21)]
    [DataRow("{\"account\":\"alw", 16)]
    [DataRow("{\"reuseExisting\":True}", 18)]
    [DataRow("{\"a\":01}", 7)]
    [DataRow("{\"a\":\"\\x\"}", 8)]
    [DataRow("not json", 1)]
    public void Parse_WhenNotJson_NamesTheCharacter(string json, int position)
    {
        var problem = QualificationPolicy.Parse(json).Problem!;

        Assert.AreEqual(
            Texts.Format(PolicyTexts.English.Invalid, Texts.Format(PolicyTexts.English.NotJson, position)),
            problem.Render(UserText.EnglishLcid));
    }

    [TestMethod]
    [DataRow("[]")]
    [DataRow("\"asRequested\"")]
    [DataRow("null")]
    [DataRow("true")]
    [DataRow("42")]
    public void Parse_WhenNotAnObject_RefusesWithNotAnObject(string json)
    {
        var problem = QualificationPolicy.Parse(json).Problem!;

        Assert.AreEqual(Expected(PolicyTexts.English.NotAnObject), problem.Render(UserText.EnglishLcid));
    }

    [TestMethod]
    public void Parse_UnknownKey_NamesTheKey()
    {
        var problem = QualificationPolicy.Parse("""{"reuseExisting":true,"createAccount":true}""").Problem!;

        Assert.AreEqual(Expected(PolicyTexts.English.UnknownKey, "createAccount"), problem.Render(UserText.EnglishLcid));
    }

    [TestMethod]
    public void Parse_KeyInOtherCase_IsUnknown()
    {
        var problem = QualificationPolicy.Parse("""{"ReuseExisting":true}""").Problem!;

        Assert.AreEqual(Expected(PolicyTexts.English.UnknownKey, "ReuseExisting"), problem.Render(UserText.EnglishLcid));
    }

    [TestMethod]
    public void Parse_DuplicateKey_NamesTheKey()
    {
        var problem = QualificationPolicy.Parse("""{"account":"always","account":"never"}""").Problem!;

        Assert.AreEqual(Expected(PolicyTexts.English.DuplicateKey, "account"), problem.Render(UserText.EnglishLcid));
    }

    [TestMethod]
    [DataRow("""{"reuseExisting":"true"}""", "reuseExisting")]
    [DataRow("""{"matchExisting":1}""", "matchExisting")]
    [DataRow("""{"protectClosedLeads":null}""", "protectClosedLeads")]
    [DataRow("""{"blockDisqualifyWithOpportunity":[]}""", "blockDisqualifyWithOpportunity")]
    [DataRow("""{"finishProcessWithoutOpportunity":{}}""", "finishProcessWithoutOpportunity")]
    public void Parse_FlagNotBoolean_NamesTheKey(string json, string key)
    {
        var problem = QualificationPolicy.Parse(json).Problem!;

        Assert.AreEqual(Expected(PolicyTexts.English.NotBoolean, key), problem.Render(UserText.EnglishLcid));
    }

    [TestMethod]
    [DataRow("""{"account":true}""", "account")]
    [DataRow("""{"contact":0}""", "contact")]
    [DataRow("""{"opportunity":null}""", "opportunity")]
    public void Parse_ModeNotText_NamesTheKey(string json, string key)
    {
        var problem = QualificationPolicy.Parse(json).Problem!;

        Assert.AreEqual(Expected(PolicyTexts.English.ModeNotText, key), problem.Render(UserText.EnglishLcid));
    }

    [TestMethod]
    [DataRow("""{"account":"sometimes"}""", "account", "sometimes")]
    [DataRow("""{"contact":"Always"}""", "contact", "Always")]
    [DataRow("""{"opportunity":""}""", "opportunity", "")]
    public void Parse_UnknownMode_NamesKeyAndValue(string json, string key, string value)
    {
        var problem = QualificationPolicy.Parse(json).Problem!;

        Assert.AreEqual(Expected(PolicyTexts.English.UnknownMode, key, value), problem.Render(UserText.EnglishLcid));
    }

    [TestMethod]
    [DataRow("""{"requiredFields":"budgetamount"}""")]
    [DataRow("""{"requiredFields":["budgetamount",1]}""")]
    [DataRow("""{"requiredFields":null}""")]
    [DataRow("""{"requiredFields":[["need"]]}""")]
    public void Parse_RequiredFieldsNotAListOfTexts_Refuses(string json)
    {
        var problem = QualificationPolicy.Parse(json).Problem!;

        Assert.AreEqual(Expected(PolicyTexts.English.NotColumnList), problem.Render(UserText.EnglishLcid));
    }

    [TestMethod]
    [DataRow("budget")]
    [DataRow("fullname")]
    [DataRow("")]
    public void Parse_RequiredFieldNotALeadColumn_NamesTheEntry(string column)
    {
        var problem = QualificationPolicy.Parse("{\"requiredFields\":[\"need\",\"" + column + "\"]}").Problem!;

        Assert.AreEqual(Expected(PolicyTexts.English.NotLeadColumn, column), problem.Render(UserText.EnglishLcid));
    }

    [TestMethod]
    public void Parse_Malformed_InGerman_NamesVariableAndProblem()
    {
        var problem = QualificationPolicy.Parse("""{"account":"sometimes"}""").Problem!;

        Assert.AreEqual(
            Texts.Format(PolicyTexts.German.Invalid, Texts.Format(PolicyTexts.German.UnknownMode, "account", "sometimes")),
            problem.Render(UserText.GermanLcid));
        StringAssert.Contains(problem.Render(UserText.GermanLcid), "lqx_LeadQualificationPolicy", StringComparison.Ordinal);
    }

    [TestMethod]
    public void Parse_DeeplyNested_IsRefusedAsNotJson()
    {
        var json = "{\"requiredFields\":" + new string('[', 100) + new string(']', 100) + "}";

        var problem = QualificationPolicy.Parse(json).Problem!;

        StringAssert.StartsWith(problem.Render(UserText.EnglishLcid), "The lead qualification policy", StringComparison.Ordinal);
        Assert.IsNull(QualificationPolicy.Parse(json).Policy);
    }

    [TestMethod]
    [DataRow(RecordCreationMode.AsRequested, true, true)]
    [DataRow(RecordCreationMode.AsRequested, false, false)]
    [DataRow(RecordCreationMode.Always, false, true)]
    [DataRow(RecordCreationMode.Never, true, false)]
    public void Wants_Mode_FollowsTheMode(RecordCreationMode mode, bool requested, bool expected)
    {
        var wanted = QualificationPolicy.Wants(mode, requested);

        Assert.AreEqual(expected, wanted);
    }

    private static string Expected(string problem, params object[] args) =>
        Texts.Format(PolicyTexts.English.Invalid, Texts.Format(problem, args));

    private static void AssertSame(QualificationPolicy expected, QualificationPolicy actual)
    {
        CollectionAssert.AreEqual(expected.RequiredFields.ToArray(), actual.RequiredFields.ToArray());
        Assert.AreEqual(expected.Account, actual.Account);
        Assert.AreEqual(expected.Contact, actual.Contact);
        Assert.AreEqual(expected.Opportunity, actual.Opportunity);
        Assert.AreEqual(expected.ReuseExisting, actual.ReuseExisting);
        Assert.AreEqual(expected.MatchExisting, actual.MatchExisting);
        Assert.AreEqual(expected.BlockDisqualifyWithOpportunity, actual.BlockDisqualifyWithOpportunity);
        Assert.AreEqual(expected.FinishProcessWithoutOpportunity, actual.FinishProcessWithoutOpportunity);
        Assert.AreEqual(expected.ProtectClosedLeads, actual.ProtectClosedLeads);
    }
}
