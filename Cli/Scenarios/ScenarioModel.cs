using System;
using System.Collections.Generic;

namespace LeadQualifyExtensions.Cli.Scenarios;

/// <summary>The kind of a value written in a scenario file (see SCENARIOS.md, "Values").</summary>
public enum ValueKind
{
    /// <summary>JSON null: clear the column, or (in a check) the column must be absent.</summary>
    Null,

    /// <summary>A plain string.</summary>
    Text,

    /// <summary>A whole number.</summary>
    Whole,

    /// <summary>A decimal number.</summary>
    Number,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>{ "money": n }.</summary>
    Money,

    /// <summary>{ "option": n }.</summary>
    Option,

    /// <summary>{ "options": [n, ...] }.</summary>
    Options,

    /// <summary>{ "ref": alias } or { "ref": { "table", "alias" } }.</summary>
    Reference,

    /// <summary>{ "date": "yyyy-MM-dd" }.</summary>
    Date,

    /// <summary>{ "datetime": ISO 8601 }.</summary>
    DateTime,

    /// <summary>{ "guid": "..." }.</summary>
    Uuid,

    /// <summary>{ "any": true }: only in checks, the column must have a value.</summary>
    Any,

    /// <summary>{ "entity": { "table", "values" } }: a record as a request parameter (e.g. OpportunityClose).</summary>
    Entity,
}

/// <summary>A value as written in a scenario file; references are resolved when a step runs.</summary>
/// <param name="Kind">What kind of value it is.</param>
/// <param name="Text">Text, or the alias of a reference.</param>
/// <param name="Number">Numeric value (whole, decimal, money, option).</param>
/// <param name="Numbers">Option values of a multi-select choice.</param>
/// <param name="Table">Table of a reference written as { "table", "alias" }.</param>
/// <param name="Flag">Boolean value.</param>
/// <param name="Instant">Date or date and time.</param>
/// <param name="Id">Guid value.</param>
/// <param name="Path">JSON path of the value, for messages.</param>
public sealed record ValueSpec(
    ValueKind Kind,
    string? Text = null,
    decimal Number = 0,
    IReadOnlyList<int>? Numbers = null,
    string? Table = null,
    bool Flag = false,
    DateTime Instant = default,
    Guid Id = default,
    string Path = "$")
{
    /// <summary>Column values of an <see cref="ValueKind.Entity"/> value.</summary>
    public IReadOnlyDictionary<string, ValueSpec>? Values { get; init; }

    /// <summary>A readable form for failure messages.</summary>
    public override string ToString() => Kind switch
    {
        ValueKind.Null => "null",
        ValueKind.Text => $"\"{Text}\"",
        ValueKind.Whole or ValueKind.Number => Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ValueKind.Boolean => Flag ? "true" : "false",
        ValueKind.Money => $"money {Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        ValueKind.Option => $"option {Number.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        ValueKind.Options => $"options [{string.Join(", ", Numbers ?? [])}]",
        ValueKind.Reference => Table is null ? $"ref {Text}" : $"ref {Table}/{Text}",
        ValueKind.Date => $"date {Instant:yyyy-MM-dd}",
        ValueKind.DateTime => $"datetime {Instant:O}",
        ValueKind.Uuid => $"guid {Id}",
        ValueKind.Any => "any value",
        ValueKind.Entity => $"{Table} record",
        _ => Kind.ToString(),
    };
}

/// <summary>A user the scenario creates.</summary>
public sealed record UserSpec(string Alias, int Language, IReadOnlyList<string> Roles);

/// <summary>A record the scenario creates before its steps.</summary>
public sealed record RecordSpec(string Alias, string Table, IReadOnlyDictionary<string, ValueSpec> Values, string Path);

/// <summary>What a step must produce.</summary>
public sealed record Expectation
{
    /// <summary>Must the step succeed.</summary>
    public bool Ok { get; init; } = true;

    /// <summary>Text the error message must contain.</summary>
    public string? ErrorContains { get; init; }

    /// <summary>The error code the fault must carry, e.g. 0x80040265.</summary>
    public int? ErrorCode { get; init; }

    /// <summary>Counts by table of the records the step created.</summary>
    public IReadOnlyDictionary<string, int>? Created { get; init; }

    /// <summary>Aliases to give records the step created, by table.</summary>
    public IReadOnlyDictionary<string, string>? Capture { get; init; }

    /// <summary>Expected activity (or message) outputs.</summary>
    public IReadOnlyDictionary<string, ValueSpec>? Outputs { get; init; }

    /// <summary>Expected qualifyMany successes.</summary>
    public int? Succeeded { get; init; }

    /// <summary>Expected qualifyMany failures.</summary>
    public int? Failed { get; init; }
}

/// <summary>The flags of a QualifyLead request.</summary>
public sealed record QualifyFlags(
    bool CreateAccount,
    bool CreateContact,
    bool CreateOpportunity,
    int Status,
    ValueSpec? Customer,
    ValueSpec? Currency,
    ValueSpec? Campaign,
    ValueSpec? ProcessInstance);

/// <summary>One step: its action (the subclass), the user it runs as and what it must produce.</summary>
public abstract record ScenarioStep
{
    /// <summary>Position in the file (1-based), for messages.</summary>
    public int Number { get; init; }

    /// <summary>JSON path of the step.</summary>
    public string Path { get; init; } = "$";

    /// <summary>User alias, or null for the administrator.</summary>
    public string? As { get; init; }

    /// <summary>What the step must produce.</summary>
    public Expectation Expect { get; init; } = new();

    /// <summary>The action key (create, update, ...).</summary>
    public abstract string Action { get; }
}

/// <summary>create.</summary>
public sealed record CreateStep(string? Alias, string Table, IReadOnlyDictionary<string, ValueSpec> Values) : ScenarioStep
{
    /// <inheritdoc />
    public override string Action => "create";
}

/// <summary>update.</summary>
public sealed record UpdateStep(ValueSpec Target, IReadOnlyDictionary<string, ValueSpec> Values) : ScenarioStep
{
    /// <inheritdoc />
    public override string Action => "update";
}

/// <summary>setState (the legacy SetState request).</summary>
public sealed record SetStateStep(ValueSpec Target, int State, int Status) : ScenarioStep
{
    /// <inheritdoc />
    public override string Action => "setState";
}

/// <summary>delete.</summary>
public sealed record DeleteStep(ValueSpec Target) : ScenarioStep
{
    /// <inheritdoc />
    public override string Action => "delete";
}

/// <summary>qualify: one QualifyLeadRequest.</summary>
public sealed record QualifyStep(ValueSpec Lead, QualifyFlags Flags) : ScenarioStep
{
    /// <inheritdoc />
    public override string Action => "qualify";
}

/// <summary>qualifyMany: one ExecuteMultiple with ContinueOnError of QualifyLead requests.</summary>
public sealed record QualifyManyStep(IReadOnlyList<ValueSpec> Leads, QualifyFlags Flags) : ScenarioStep
{
    /// <inheritdoc />
    public override string Action => "qualifyMany";
}

/// <summary>
/// batch (extension): several create, update, setState, delete or qualify requests sent in one ExecuteTransaction
/// ("mode": "transaction") or ExecuteMultiple ("mode": "multiple", optional "continueOnError").
/// </summary>
public sealed record BatchStep(bool Transaction, bool ContinueOnError, IReadOnlyList<ScenarioStep> Requests) : ScenarioStep
{
    /// <inheritdoc />
    public override string Action => "batch";
}

/// <summary>activity: a custom workflow activity of our Workflows assembly.</summary>
public sealed record ActivityStep(string Type, ValueSpec? Target, IReadOnlyDictionary<string, ValueSpec> Inputs) : ScenarioStep
{
    /// <inheritdoc />
    public override string Action => "activity";
}

/// <summary>execute: any other message.</summary>
public sealed record ExecuteStep(string Request, IReadOnlyDictionary<string, ValueSpec> Parameters) : ScenarioStep
{
    /// <inheritdoc />
    public override string Action => "execute";
}

/// <summary>check: a record's columns.</summary>
public sealed record CheckStep(ValueSpec Target, IReadOnlyDictionary<string, ValueSpec> Values) : ScenarioStep
{
    /// <inheritdoc />
    public override string Action => "check";
}

/// <summary>count: rows of a table matching a filter.</summary>
public sealed record CountStep(string Table, IReadOnlyDictionary<string, ValueSpec> Where, int EqualsCount) : ScenarioStep
{
    /// <inheritdoc />
    public override string Action => "count";
}

/// <summary>process: the record's active Lead-to-Opportunity process instance.</summary>
public sealed record ProcessStep(ValueSpec Target, string? Stage, string? Status) : ScenarioStep
{
    /// <inheritdoc />
    public override string Action => "process";
}

/// <summary>advanceClock.</summary>
public sealed record AdvanceClockStep(double Days, double Hours) : ScenarioStep
{
    /// <inheritdoc />
    public override string Action => "advanceClock";
}

/// <summary>A parsed, valid scenario file.</summary>
public sealed record Scenario(
    string Name,
    string File,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyList<UserSpec> Users,
    IReadOnlyList<RecordSpec> Records,
    DateTime? Now,
    IReadOnlyList<ScenarioStep> Steps);
