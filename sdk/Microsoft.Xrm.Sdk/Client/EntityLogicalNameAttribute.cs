using System;

namespace Microsoft.Xrm.Sdk.Client;

/// <summary>Maps an early-bound class to an entity logical name.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EntityLogicalNameAttribute : Attribute
{
    public EntityLogicalNameAttribute(string logicalName)
    {
        LogicalName = logicalName;
    }

    public string LogicalName { get; private set; }
}
