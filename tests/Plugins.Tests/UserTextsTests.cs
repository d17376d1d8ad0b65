using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using LeadQualifyExtensions.Plugins.Lifecycle;
using LeadQualifyExtensions.Plugins.Localization;
using LeadQualifyExtensions.Plugins.Policy;
using LeadQualifyExtensions.Plugins.Qualification;
using LeadQualifyExtensions.Plugins.Tests.TestSupport;

namespace LeadQualifyExtensions.Plugins.Tests;

[TestClass]
public sealed class UserTextsTests
{
    private static readonly Type[] TextClasses =
        [typeof(CommonTexts), typeof(PolicyTexts), typeof(QualificationTexts), typeof(LifecycleTexts)];

    public static IEnumerable<object[]> AllTexts() =>
        TextClasses.SelectMany(type => type
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(UserText))
            .Select(field => new object[] { type.Name + "." + field.Name, (UserText)field.GetValue(null)! }));

    [TestMethod]
    [DynamicData(nameof(AllTexts))]
    public void UserText_EveryMessage_HasDistinctEnglishAndGermanWithSamePlaceholders(string name, UserText text)
    {
        var englishPlaceholders = Placeholders(text.English);
        var germanPlaceholders = Placeholders(text.German);

        Assert.IsFalse(string.IsNullOrWhiteSpace(text.English), name);
        Assert.IsFalse(string.IsNullOrWhiteSpace(text.German), name);
        Assert.AreNotEqual(text.English, text.German, name);
        CollectionAssert.AreEqual(englishPlaceholders, germanPlaceholders, name);
    }

    [TestMethod]
    [DynamicData(nameof(AllTexts))]
    public void UserText_EveryMessage_ShowsNoTechnicalTerms(string name, UserText text)
    {
        var both = text.English + " " + text.German;

        Assert.DoesNotMatchRegex(new Regex("Exception|[0-9a-f]{8}-[0-9a-f]{4}|System\\.|Microsoft\\.|\\bnull\\b", RegexOptions.IgnoreCase), both, name);
    }

    [TestMethod]
    [DataRow(1033, "Fill in these fields before you qualify the lead: Budget Amount, Purchase Timeframe.")]
    [DataRow(1031, "Füllen Sie diese Felder aus, bevor Sie den Lead qualifizieren: Budgetbetrag, Kaufzeitrahmen.")]
    [DataRow(1036, "Fill in these fields before you qualify the lead: Budget Amount, Purchase Timeframe.")]
    public void Refusal_Render_UsesTheLanguageWithEnglishFallback(int language, string expected)
    {
        var refusal = new Refusal(QualificationTexts.MissingFields, new List<UserText> { LeadColumns.Find("budgetamount")!.DisplayName, LeadColumns.Find("purchasetimeframe")!.DisplayName });

        var text = refusal.Render(language);

        Assert.AreEqual(expected, text);
    }

    [TestMethod]
    public void Refusal_NestedRefusalAndUserText_AreRenderedInTheSameLanguage()
    {
        var refusal = new Refusal(PolicyTexts.Invalid, new Refusal(PolicyTexts.NotAnObject));

        var text = refusal.Render(UserText.GermanLcid);

        Assert.AreEqual(Texts.Format(PolicyTexts.German.Invalid, PolicyTexts.German.NotAnObject), text);
    }

    [TestMethod]
    public void Refusal_ToException_IsAFailedUserError()
    {
        var exception = new Refusal(LifecycleTexts.DeleteClosedLead).ToException(UserText.GermanLcid);

        Assert.AreEqual(Microsoft.Xrm.Sdk.OperationStatus.Failed, exception.Status);
        Assert.AreEqual(LifecycleTexts.German.DeleteClosedLead, exception.Message);
    }

    [TestMethod]
    [DataRow(UserText.EnglishLcid, "English 1.5")]
    [DataRow(UserText.GermanLcid, "Deutsch 1,5")]
    [DataRow(1036, "English 1.5")]
    public void UserText_Format_UsesTheWordingsLanguageForNumbers(int languageCode, string expected)
    {
        var text = new UserText("English {0}", "Deutsch {0}");

        var formatted = text.Format(languageCode, 1.5m);

        Assert.AreEqual(expected, formatted);
    }

    [TestMethod]
    [DataRow("budgetamount", "Budget Amount", "Budgetbetrag")]
    [DataRow("purchasetimeframe", "Purchase Timeframe", "Kaufzeitrahmen")]
    [DataRow("purchaseprocess", "Purchase Process", "Kaufprozess")]
    [DataRow("DecisionMaker", "Decision Maker?", "Entscheidungsträger?")]
    public void LeadColumns_Find_GivesDisplayNamesInBothLanguages(string logicalName, string english, string german)
    {
        var column = LeadColumns.Find(logicalName)!;

        Assert.AreEqual(english, column.DisplayName.English);
        Assert.AreEqual(german, column.DisplayName.German);
    }

    [TestMethod]
    public void LeadColumns_All_AreDistinctLowercaseNames()
    {
        var names = LeadColumns.All.Select(c => c.LogicalName).ToList();

        Assert.HasCount(names.Count, names.Distinct());
        Assert.IsTrue(names.All(n => string.Equals(n, n.ToLowerInvariant(), StringComparison.Ordinal)));
    }

    private static string[] Placeholders(string text) =>
        Regex.Matches(text, "\\{[0-9]+\\}").Select(m => m.Value).OrderBy(v => v, StringComparer.Ordinal).ToArray();
}
