using System;
using LeadQualifyExtensions.Cli.Scenarios;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Cli.Tests;

[TestClass]
public sealed class ScenarioValuesTests
{
    private readonly AliasMap _aliases = new();

    [TestMethod]
    public void ToSdk_WholeNumberForMoneyColumn_BecomesMoney()
    {
        var value = new ValueSpec(ValueKind.Whole, Number: 5000);

        var sdk = ScenarioValues.ToSdk(value, _aliases, "lead", "budgetamount");

        Assert.AreEqual(new Money(5000m), sdk);
    }

    [TestMethod]
    public void ToSdk_WholeNumberForPicklist_BecomesOptionSetValue()
    {
        var value = new ValueSpec(ValueKind.Whole, Number: 2);

        var sdk = ScenarioValues.ToSdk(value, _aliases, "lead", "purchasetimeframe");

        Assert.AreEqual(new OptionSetValue(2), sdk);
    }

    [TestMethod]
    public void ToSdk_Reference_ResolvesAlias()
    {
        var id = Guid.NewGuid();
        _aliases.AddRecord("contoso", new EntityReference("account", id));

        var sdk = ScenarioValues.ToSdk(new ValueSpec(ValueKind.Reference, Text: "contoso"), _aliases, "lead", "parentaccountid");

        Assert.AreEqual(new EntityReference("account", id), sdk);
    }

    [TestMethod]
    public void ToSdk_UnknownAlias_FailsTheStep()
    {
        var value = new ValueSpec(ValueKind.Reference, Text: "ghost");

        Assert.ThrowsExactly<StepFailedException>(() => ScenarioValues.ToSdk(value, _aliases, "lead", "parentaccountid"));
    }

    [TestMethod]
    public void Mismatch_MoneyEqual_ReturnsNull()
    {
        var expected = new ValueSpec(ValueKind.Money, Number: 12.5m);

        var mismatch = ScenarioValues.Mismatch(expected, new Money(12.5m), _aliases);

        Assert.IsNull(mismatch);
    }

    [TestMethod]
    public void Mismatch_OptionDiffers_SaysExpectedAndFound()
    {
        var expected = new ValueSpec(ValueKind.Option, Number: 3);

        var mismatch = ScenarioValues.Mismatch(expected, new OptionSetValue(1), _aliases);

        Assert.AreEqual("expected option 3, found option 1", mismatch);
    }

    [TestMethod]
    public void Mismatch_NullExpectedButValuePresent_Fails()
    {
        var expected = new ValueSpec(ValueKind.Null);

        var mismatch = ScenarioValues.Mismatch(expected, "text", _aliases);

        Assert.IsNotNull(mismatch);
    }

    [TestMethod]
    public void Mismatch_AnyWithValue_ReturnsNull()
    {
        var expected = new ValueSpec(ValueKind.Any);

        var mismatch = ScenarioValues.Mismatch(expected, new EntityReference("contact", Guid.NewGuid()), _aliases);

        Assert.IsNull(mismatch);
    }

    [TestMethod]
    public void Mismatch_OptionsInAnyOrder_ReturnsNull()
    {
        var expected = new ValueSpec(ValueKind.Options, Numbers: [2, 1]);

        var mismatch = ScenarioValues.Mismatch(expected, new OptionSetValueCollection([new OptionSetValue(1), new OptionSetValue(2)]), _aliases);

        Assert.IsNull(mismatch);
    }
}
