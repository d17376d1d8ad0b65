using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Emulator.Query;

/// <summary>
/// Faults raised by the query engine; built by the emulator's <see cref="Faults"/> factory so
/// codes and shapes match the rest of the emulator.
/// </summary>
internal static class QueryFaults
{
    /// <summary>QueryBuilderNoEntity: the table is unknown.</summary>
    public const int UnknownTableCode = Faults.QueryBuilderNoEntity;

    /// <summary>QueryBuilderNoAttribute: the column is unknown on the table.</summary>
    public const int UnknownAttributeCode = Faults.QueryBuilderNoAttribute;

    /// <summary>InvalidArgument: malformed query, bad value, unsupported operator.</summary>
    public const int InvalidArgumentCode = Faults.InvalidArgument;

    /// <summary>AggregateQueryRecordLimit: more than 50,000 rows feed an aggregate (value from public error-code lists).</summary>
    public const int AggregateLimitCode = unchecked((int)0x8004E023);

    public static FaultException<OrganizationServiceFault> UnknownTable(string table) => Faults.UnknownTable(table);

    public static FaultException<OrganizationServiceFault> UnknownAttribute(string table, string attribute) =>
        Faults.UnknownColumn(table, attribute);

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

    private static FaultException<OrganizationServiceFault> Create(int code, string message) => Faults.Create(code, message);
}
