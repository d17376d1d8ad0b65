using System;
using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>
/// Faults raised by the query engine, shaped like the platform's: a
/// <see cref="FaultException{TDetail}"/> carrying an <see cref="OrganizationServiceFault"/>.
/// </summary>
internal static class QueryFaults
{
    /// <summary>QueryBuilderNoEntity: the table is unknown.</summary>
    public const int UnknownTableCode = unchecked((int)0x80041102);

    /// <summary>QueryBuilderNoAttribute: the column is unknown on the table.</summary>
    public const int UnknownAttributeCode = unchecked((int)0x80041103);

    /// <summary>InvalidArgument: malformed query, bad value, unsupported operator.</summary>
    public const int InvalidArgumentCode = unchecked((int)0x80040203);

    /// <summary>AggregateQueryRecordLimit: more than 50,000 rows feed an aggregate.</summary>
    public const int AggregateLimitCode = unchecked((int)0x8004E023);

    public static FaultException<OrganizationServiceFault> UnknownTable(string table) =>
        Create(UnknownTableCode, Format("The entity with a name = '{0}' was not found in the MetadataCache.", table));

    public static FaultException<OrganizationServiceFault> UnknownAttribute(string table, string attribute) =>
        Create(UnknownAttributeCode, Format("'{0}' entity doesn't contain attribute with Name = '{1}'.", table, attribute));

    public static FaultException<OrganizationServiceFault> UnsupportedOperator(string operatorName) =>
        Create(InvalidArgumentCode, Format(
            "The condition operator '{0}' is not supported by the emulator: it needs server state (fiscal calendar, hierarchy, teams or language settings) the emulator does not model.",
            operatorName));

    public static FaultException<OrganizationServiceFault> InvalidArgument(string message) =>
        Create(InvalidArgumentCode, message);

    public static FaultException<OrganizationServiceFault> InvalidFetchXml(string message) =>
        Create(InvalidArgumentCode, "Invalid FetchXML: " + message);

    public static FaultException<OrganizationServiceFault> AggregateLimitExceeded() =>
        Create(AggregateLimitCode, "AggregateQueryRecordLimit exceeded. Cannot perform this operation.");

    public static string Format(string format, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, format, args);

    private static FaultException<OrganizationServiceFault> Create(int code, string message)
    {
        var fault = new OrganizationServiceFault
        {
            ErrorCode = code,
            Message = message,
            Timestamp = DateTime.UtcNow,
        };
        return new FaultException<OrganizationServiceFault>(fault, new FaultReason(message));
    }
}
