using System;
using Microsoft.Xrm.Sdk;

namespace Sdk.Tests.Behaviour;

[TestClass]
public sealed class ValueTypeTests
{
    [TestMethod]
    public void EntityReference_SameIdAndName_AreEqualWithSameHash()
    {
        var id = Guid.NewGuid();
        var a = new EntityReference("account", id) { Name = "Contoso" };
        var b = new EntityReference("account", id);

        Assert.AreEqual(a, b);
        Assert.AreEqual(a.GetHashCode(), b.GetHashCode());
    }

    [TestMethod]
    public void EntityReference_DifferentIdOrName_AreNotEqual()
    {
        var id = Guid.NewGuid();
        var a = new EntityReference("account", id);

        Assert.AreNotEqual(a, new EntityReference("contact", id));
        Assert.AreNotEqual(a, new EntityReference("account", Guid.NewGuid()));
        Assert.IsFalse(a.Equals(null));
    }

    [TestMethod]
    public void OptionSetValue_SameValue_AreEqualWithSameHash()
    {
        var a = new OptionSetValue(100000001);
        var b = new OptionSetValue(100000001);

        Assert.AreEqual(a, b);
        Assert.AreEqual(a.GetHashCode(), b.GetHashCode());
        Assert.AreNotEqual(a, new OptionSetValue(1));
    }

    [TestMethod]
    public void Money_SameValue_AreEqualWithSameHash()
    {
        var a = new Money(12.50m);
        var b = new Money(12.50m);

        Assert.AreEqual(a, b);
        Assert.AreEqual(a.GetHashCode(), b.GetHashCode());
        Assert.AreNotEqual(a, new Money(12.51m));
    }

    [TestMethod]
    public void Relationship_SameSchemaAndRole_AreEqual()
    {
        var a = new Relationship("account_primary_contact") { PrimaryEntityRole = EntityRole.Referencing };
        var b = new Relationship("account_primary_contact") { PrimaryEntityRole = EntityRole.Referencing };

        Assert.AreEqual(a, b);
        Assert.AreEqual(a.GetHashCode(), b.GetHashCode());
        Assert.AreNotEqual(a, new Relationship("account_primary_contact"));
    }

    [TestMethod]
    public void Relationship_ToString_SchemaDotRoleName()
    {
        // Issue 18 (observed on Microsoft.Xrm.Sdk): "<schema>." without a role, "<schema>.Referencing" with one.
        var withoutRole = new Relationship("account_primary_contact");
        var withRole = new Relationship("account_primary_contact") { PrimaryEntityRole = EntityRole.Referencing };

        Assert.AreEqual("account_primary_contact.", withoutRole.ToString());
        Assert.AreEqual("account_primary_contact.Referencing", withRole.ToString());
    }

    [TestMethod]
    public void Label_TextAndLanguage_OneLocalizedLabelAndNoUserLabel()
    {
        // Issue 18 (observed on Microsoft.Xrm.Sdk): the user label is left null.
        var label = new Label("Qualified", 1033);

        Assert.HasCount(1, label.LocalizedLabels);
        Assert.AreEqual("Qualified", label.LocalizedLabels[0].Label);
        Assert.AreEqual(1033, label.LocalizedLabels[0].LanguageCode);
        Assert.IsNull(label.UserLocalizedLabel);
    }

    [TestMethod]
    public void AliasedValue_Ctor_KeepsParts()
    {
        var aliased = new AliasedValue("account", "name", "Contoso");

        Assert.AreEqual("account", aliased.EntityLogicalName);
        Assert.AreEqual("name", aliased.AttributeLogicalName);
        Assert.AreEqual("Contoso", aliased.Value);
    }
}
