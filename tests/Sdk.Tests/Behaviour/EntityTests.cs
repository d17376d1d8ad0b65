using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Client;

namespace Sdk.Tests.Behaviour;

[TestClass]
public sealed class EntityTests
{
    [TestMethod]
    public void Indexer_MissingAttribute_ThrowsKeyNotFound()
    {
        var entity = new Entity("lead");

        Assert.ThrowsExactly<KeyNotFoundException>(() => _ = entity["subject"]);
    }

    [TestMethod]
    public void Indexer_Set_AddsThenReplaces()
    {
        var entity = new Entity("lead");

        entity["subject"] = "first";
        entity["subject"] = "second";

        Assert.AreEqual("second", entity["subject"]);
        Assert.HasCount(1, entity.Attributes);
    }

    [TestMethod]
    public void GetAttributeValue_MissingOrNull_ReturnsDefault()
    {
        var entity = new Entity("lead");
        entity["budgetamount"] = null!;

        var missingString = entity.GetAttributeValue<string>("subject");
        var missingInt = entity.GetAttributeValue<int>("numberofemployees");
        var nullMoney = entity.GetAttributeValue<Money>("budgetamount");
        var missingNullable = entity.GetAttributeValue<int?>("numberofemployees");

        Assert.IsNull(missingString);
        Assert.AreEqual(0, missingInt);
        Assert.IsNull(nullMoney);
        Assert.IsNull(missingNullable);
    }

    [TestMethod]
    public void GetAttributeValue_Present_ReturnsTypedValue()
    {
        var entity = new Entity("lead");
        entity["statuscode"] = new OptionSetValue(3);

        var value = entity.GetAttributeValue<OptionSetValue>("statuscode");

        Assert.AreEqual(3, value.Value);
    }

    [TestMethod]
    public void GetAttributeValue_WrongType_ThrowsInvalidCast()
    {
        var entity = new Entity("lead");
        entity["subject"] = "text";

        Assert.ThrowsExactly<InvalidCastException>(() => entity.GetAttributeValue<Money>("subject"));
    }

    [TestMethod]
    public void Contains_NullValuedAttribute_ReturnsTrue()
    {
        var entity = new Entity("lead");
        entity["parentaccountid"] = null!;

        var present = entity.Contains("parentaccountid");
        var absent = entity.Contains("subject");

        Assert.IsTrue(present);
        Assert.IsFalse(absent);
    }

    [TestMethod]
    public void TryGetAttributeValue_VariousStates_ReportsCorrectly()
    {
        var entity = new Entity("lead");
        entity["subject"] = "hello";
        entity["numberofemployees"] = 5;

        var okString = entity.TryGetAttributeValue<string>("subject", out var subject);
        var wrongType = entity.TryGetAttributeValue<Money>("subject", out var money);
        var missing = entity.TryGetAttributeValue<int>("revenue", out var revenue);
        var okInt = entity.TryGetAttributeValue<int>("numberofemployees", out var employees);

        Assert.IsTrue(okString);
        Assert.AreEqual("hello", subject);
        Assert.IsFalse(wrongType);
        Assert.IsNull(money);
        Assert.IsFalse(missing);
        Assert.AreEqual(0, revenue);
        Assert.IsTrue(okInt);
        Assert.AreEqual(5, employees);
    }

    [TestMethod]
    public void ToEntityReference_UsesLogicalNameAndIdButNotKeys()
    {
        // Issue 18 (observed on Microsoft.Xrm.Sdk): KeyAttributes are not copied.
        var id = Guid.NewGuid();
        var entity = new Entity("account", id);
        entity.KeyAttributes["accountnumber"] = "A-1";

        var reference = entity.ToEntityReference();

        Assert.AreEqual("account", reference.LogicalName);
        Assert.AreEqual(id, reference.Id);
        Assert.IsEmpty(reference.KeyAttributes);
    }

    [TestMethod]
    public void Id_SetWithoutPrimaryKeyAttribute_AttributesUnchanged()
    {
        var entity = new Entity("account");

        entity.Id = Guid.NewGuid();

        Assert.IsFalse(entity.Contains("accountid"));
    }

    [TestMethod]
    public void Ctor_KeyNameAndValue_PopulatesKeyAttributes()
    {
        var entity = new Entity("contact", "emailaddress1", "a@b.c");

        Assert.AreEqual("contact", entity.LogicalName);
        Assert.AreEqual("a@b.c", entity.KeyAttributes["emailaddress1"]);
        Assert.AreEqual(Guid.Empty, entity.Id);
    }

    [TestMethod]
    public void ToEntity_EarlyBoundType_SharesAttributes()
    {
        var id = Guid.NewGuid();
        var entity = new Entity("lead", id);
        entity["subject"] = "hello";

        var lead = entity.ToEntity<Lead>();

        Assert.AreEqual(id, lead.Id);
        Assert.AreEqual("lead", lead.LogicalName);
        Assert.AreEqual("hello", lead.Subject);
    }

    [TestMethod]
    public void ToEntity_MismatchedLogicalName_ThrowsNotSupported()
    {
        var entity = new Entity("account");

        Assert.ThrowsExactly<NotSupportedException>(() => entity.ToEntity<Lead>());
    }

    [TestMethod]
    public void ToEntity_BaseEntityType_ReturnsNewInstanceWithTheSameValues()
    {
        // Issue 18 (observed on Microsoft.Xrm.Sdk): a new Entity, not the same object.
        var id = Guid.NewGuid();
        var entity = new Entity("account", id) { ["name"] = "Contoso" };

        var result = entity.ToEntity<Entity>();

        Assert.AreNotSame(entity, result);
        Assert.AreEqual("account", result.LogicalName);
        Assert.AreEqual(id, result.Id);
        Assert.AreEqual("Contoso", result["name"]);
    }

    [TestMethod]
    public void EarlyBound_SetAttributeValue_StoresInAttributes()
    {
        var lead = new Lead();

        lead.Subject = "x";

        Assert.AreEqual("x", lead["subject"]);
    }

    [TestMethod]
    public void RelatedEntities_SetAndGet_RoundTrips()
    {
        var lead = new Lead();
        var contact = new Entity("contact", Guid.NewGuid());

        lead.Contacts = new[] { contact };
        var related = new List<Entity>(lead.Contacts!);

        Assert.HasCount(1, related);
        Assert.AreEqual(contact.Id, related[0].Id);
        Assert.IsTrue(lead.RelatedEntities.Contains(new Relationship("lead_contacts")));
    }

    [TestMethod]
    public void RareMembers_DefaultUntilSet_KeepWhatIsSetAndGoBackToDefault()
    {
        var entity = new Entity("lead");
        Assert.IsNull(entity.EntityState);
        Assert.IsNull(entity.ExtensionData);
        Assert.IsFalse(entity.HasLazyFileAttribute);
        Assert.IsNull(entity.LazyFileAttributeKey);
        Assert.IsNull(entity.LazyFileAttributeValue);
        Assert.IsNull(entity.LazyFileSizeAttributeKey);
        Assert.AreEqual(0, entity.LazyFileSizeAttributeValue);

        var file = new Lazy<object>(() => "content");
        entity.EntityState = EntityState.Changed;
        entity.HasLazyFileAttribute = true;
        entity.LazyFileAttributeKey = "doc";
        entity.LazyFileAttributeValue = file;
        entity.LazyFileSizeAttributeKey = "doc_size";
        entity.LazyFileSizeAttributeValue = 42;
        Assert.AreEqual(EntityState.Changed, entity.EntityState);
        Assert.IsTrue(entity.HasLazyFileAttribute);
        Assert.AreEqual("doc", entity.LazyFileAttributeKey);
        Assert.AreSame(file, entity.LazyFileAttributeValue);
        Assert.AreEqual("doc_size", entity.LazyFileSizeAttributeKey);
        Assert.AreEqual(42, entity.LazyFileSizeAttributeValue);

        entity.EntityState = null;
        entity.HasLazyFileAttribute = false;
        entity.LazyFileSizeAttributeValue = 0;
        Assert.IsNull(entity.EntityState);
        Assert.IsFalse(entity.HasLazyFileAttribute);
        Assert.AreEqual(0, entity.LazyFileSizeAttributeValue);
        Assert.AreEqual("doc", entity.LazyFileAttributeKey);
    }

    [EntityLogicalName("lead")]
    private sealed class Lead : Entity
    {
        public Lead()
            : base("lead")
        {
        }

        public string? Subject
        {
            get => GetAttributeValue<string>("subject");
            set => SetAttributeValue("subject", value!);
        }

        public IEnumerable<Entity>? Contacts
        {
            get => GetRelatedEntities<Entity>("lead_contacts", null);
            set => SetRelatedEntities("lead_contacts", null, value!);
        }
    }
}
