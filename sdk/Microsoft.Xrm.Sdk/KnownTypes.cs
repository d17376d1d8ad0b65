using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// The SDK value types that may appear as <see cref="object"/> values inside property bags; the
/// DataContractSerializer must know them to round-trip attribute and parameter values.
/// </summary>
internal static class KnownTypes
{
    internal static IEnumerable<Type> ParameterTypes()
    {
        return new[]
        {
            typeof(Entity), typeof(EntityReference), typeof(EntityCollection), typeof(EntityReferenceCollection),
            typeof(OptionSetValue), typeof(OptionSetValueCollection), typeof(Money), typeof(AliasedValue),
            typeof(Relationship), typeof(ColumnSet), typeof(QueryExpression), typeof(QueryByAttribute),
            typeof(FetchExpression), typeof(PagingInfo), typeof(Label), typeof(LocalizedLabel),
            typeof(EntityImageCollection), typeof(ParameterCollection), typeof(ExecuteMultipleSettings),
            typeof(OrganizationRequestCollection), typeof(OrganizationResponseCollection),
            typeof(ExecuteMultipleResponseItemCollection), typeof(OrganizationRequest), typeof(OrganizationResponse),
            typeof(ConcurrencyBehavior), typeof(EntityState), typeof(EntityRole), typeof(RelationshipQueryCollection),
            typeof(OrganizationServiceFault), typeof(object[]), typeof(string[]), typeof(Guid[]), typeof(int[]),
            typeof(Entity[]), typeof(EntityReference[]),
        };
    }
}
