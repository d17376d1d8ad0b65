using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace Sdk.Tests.Behaviour;

[TestClass]
public sealed class CollectionTests
{
    [TestMethod]
    public void DataCollection_AddContainsRemove_BehavesLikeDictionary()
    {
        var bag = new ParameterCollection();

        bag.Add("a", 1);
        bag.Add(new KeyValuePair<string, object>("b", 2));
        var removed = bag.Remove("a");

        Assert.IsTrue(removed);
        Assert.IsFalse(bag.Contains("a"));
        Assert.IsTrue(bag.ContainsKey("b"));
        Assert.IsTrue(bag.Contains(new KeyValuePair<string, object>("b", 2)));
        Assert.AreEqual(1, bag.Count);
    }

    [TestMethod]
    public void DataCollection_AddDuplicateKey_ThrowsArgumentException()
    {
        var bag = new AttributeCollection { { "a", 1 } };

        Assert.ThrowsExactly<ArgumentException>(() => bag.Add("a", 2));
    }

    [TestMethod]
    public void DataCollection_IndexerSet_AddsOrReplaces()
    {
        var bag = new AttributeCollection();

        bag["a"] = 1;
        bag["a"] = 2;
        bag["b"] = 3;

        Assert.AreEqual(2, bag["a"]);
        Assert.AreEqual(2, bag.Count);
    }

    [TestMethod]
    public void DataCollection_IndexerGetMissing_ThrowsKeyNotFound()
    {
        var bag = new ParameterCollection();

        Assert.ThrowsExactly<KeyNotFoundException>(() => _ = bag["Target"]);
    }

    [TestMethod]
    public void DataCollection_TryGetValue_ReportsPresence()
    {
        var bag = new FormattedValueCollection { { "statuscode", "Open" } };

        var found = bag.TryGetValue("statuscode", out var label);
        var missing = bag.TryGetValue("other", out var none);

        Assert.IsTrue(found);
        Assert.AreEqual("Open", label);
        Assert.IsFalse(missing);
        Assert.IsNull(none);
    }

    [TestMethod]
    public void DataCollection_AddRangeKeysValues_ExposeEntries()
    {
        var bag = new KeyAttributeCollection();

        bag.AddRange(new KeyValuePair<string, object>("k1", "v1"), new KeyValuePair<string, object>("k2", "v2"));

        CollectionAssert.AreEquivalent(new[] { "k1", "k2" }, bag.Keys.ToArray());
        CollectionAssert.AreEquivalent(new object[] { "v1", "v2" }, bag.Values.ToArray());
        Assert.HasCount(2, bag.ToList());
    }

    [TestMethod]
    public void DataCollection_Clear_RemovesAll()
    {
        var bag = new ParameterCollection { { "a", 1 } };

        bag.Clear();

        Assert.AreEqual(0, bag.Count);
    }

    [TestMethod]
    public void ParameterCollection_AddOrUpdateIfNotNull_SkipsNull()
    {
        var bag = new ParameterCollection();

        bag.AddOrUpdateIfNotNull("a", null);
        bag.AddOrUpdateIfNotNull("b", "x");
        bag.AddOrUpdateIfNotNull("b", "y");

        Assert.IsFalse(bag.Contains("a"));
        Assert.AreEqual("y", bag["b"]);
    }

    [TestMethod]
    public void ParameterCollection_TryGetValueOfT_ChecksType()
    {
        var bag = new ParameterCollection { { "Target", new EntityReference("lead", Guid.NewGuid()) } };

        var ok = bag.TryGetValue<EntityReference>("Target", out var target);
        var wrong = bag.TryGetValue<Entity>("Target", out var entity);

        Assert.IsTrue(ok);
        Assert.AreEqual("lead", target.LogicalName);
        Assert.IsFalse(wrong);
        Assert.IsNull(entity);
    }

    [TestMethod]
    public void EntityCollection_CtorAndIndexer_ExposeEntities()
    {
        var first = new Entity("lead", Guid.NewGuid());
        var collection = new EntityCollection(new List<Entity> { first }) { EntityName = "lead", MoreRecords = true };

        collection.Entities.Add(new Entity("lead"));

        Assert.AreSame(first, collection[0]);
        Assert.HasCount(2, collection.Entities);
        Assert.IsTrue(collection.MoreRecords);
    }

    [TestMethod]
    public void DataCollectionOfT_AddRangeAndToArray_KeepOrder()
    {
        var refs = new EntityReferenceCollection();
        var a = new EntityReference("contact", Guid.NewGuid());
        var b = new EntityReference("contact", Guid.NewGuid());

        refs.AddRange(a, b);
        var array = refs.ToArray();

        Assert.HasCount(2, array);
        Assert.AreSame(a, array[0]);
        Assert.AreSame(b, array[1]);
    }

    [TestMethod]
    public void EntityImageCollection_StoresImagesByName()
    {
        var images = new EntityImageCollection { { "PreImage", new Entity("lead") } };

        var found = images.TryGetValue("PreImage", out var image);

        Assert.IsTrue(found);
        Assert.AreEqual("lead", image.LogicalName);
        Assert.IsFalse(images.Contains("PostImage"));
    }

    [TestMethod]
    public void RelatedEntityCollection_KeyedByRelationshipValue()
    {
        var related = new RelatedEntityCollection();
        related[new Relationship("lead_contacts")] = new EntityCollection();

        var found = related.Contains(new Relationship("lead_contacts"));
        var otherRole = related.Contains(new Relationship("lead_contacts") { PrimaryEntityRole = EntityRole.Referenced });

        Assert.IsTrue(found);
        Assert.IsFalse(otherRole);
    }
}
