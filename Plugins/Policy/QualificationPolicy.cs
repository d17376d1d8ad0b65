using System;
using System.Collections.Generic;
using System.Linq;
using LeadQualifyExtensions.Plugins.Localization;

namespace LeadQualifyExtensions.Plugins.Policy;

/// <summary>
/// The administrator's lead qualification policy, read from the JSON environment variable
/// lqx_LeadQualificationPolicy. A key left out takes its default; anything malformed is refused, never defaulted.
/// </summary>
public sealed class QualificationPolicy
{
    /// <summary>Key names in the JSON.</summary>
    public static class Keys
    {
        /// <summary>Lead columns that must be filled before qualifying.</summary>
        public const string RequiredFields = "requiredFields";

        /// <summary>Account creation mode.</summary>
        public const string Account = "account";

        /// <summary>Contact creation mode.</summary>
        public const string Contact = "contact";

        /// <summary>Opportunity creation mode.</summary>
        public const string Opportunity = "opportunity";

        /// <summary>Use the lead's existing account and contact instead of creating new ones.</summary>
        public const string ReuseExisting = "reuseExisting";

        /// <summary>Use a matching active account or contact instead of creating a duplicate.</summary>
        public const string MatchExisting = "matchExisting";

        /// <summary>Refuse to disqualify a lead that has an opportunity.</summary>
        public const string BlockDisqualifyWithOpportunity = "blockDisqualifyWithOpportunity";

        /// <summary>Finish the lead's process when it is qualified without an opportunity.</summary>
        public const string FinishProcessWithoutOpportunity = "finishProcessWithoutOpportunity";

        /// <summary>Refuse to delete qualified and disqualified leads.</summary>
        public const string ProtectClosedLeads = "protectClosedLeads";
    }

    /// <summary>Mode names in the JSON.</summary>
    public static class Modes
    {
        /// <summary><see cref="RecordCreationMode.AsRequested"/>.</summary>
        public const string AsRequested = "asRequested";

        /// <summary><see cref="RecordCreationMode.Always"/>.</summary>
        public const string Always = "always";

        /// <summary><see cref="RecordCreationMode.Never"/>.</summary>
        public const string Never = "never";
    }

    /// <summary>The default value the solution ships for the environment variable.</summary>
    public const string DefaultJson =
        "{\"requiredFields\":[\"budgetamount\",\"purchasetimeframe\",\"purchaseprocess\"],\"account\":\"asRequested\",\"contact\":\"asRequested\",\"opportunity\":\"asRequested\",\"reuseExisting\":true,\"matchExisting\":true,\"blockDisqualifyWithOpportunity\":true,\"finishProcessWithoutOpportunity\":false,\"protectClosedLeads\":true}";

    /// <summary>Creates a policy.</summary>
    public QualificationPolicy(
        IEnumerable<string> requiredFields,
        RecordCreationMode account,
        RecordCreationMode contact,
        RecordCreationMode opportunity,
        bool reuseExisting,
        bool matchExisting,
        bool blockDisqualifyWithOpportunity,
        bool finishProcessWithoutOpportunity,
        bool protectClosedLeads)
    {
        RequiredFields = (requiredFields ?? throw new ArgumentNullException(nameof(requiredFields))).ToArray();
        Account = account;
        Contact = contact;
        Opportunity = opportunity;
        ReuseExisting = reuseExisting;
        MatchExisting = matchExisting;
        BlockDisqualifyWithOpportunity = blockDisqualifyWithOpportunity;
        FinishProcessWithoutOpportunity = finishProcessWithoutOpportunity;
        ProtectClosedLeads = protectClosedLeads;
    }

    /// <summary>The policy when every key takes its default.</summary>
    public static QualificationPolicy Default { get; } = new(
        ["budgetamount", "purchasetimeframe", "purchaseprocess"],
        RecordCreationMode.AsRequested,
        RecordCreationMode.AsRequested,
        RecordCreationMode.AsRequested,
        reuseExisting: true,
        matchExisting: true,
        blockDisqualifyWithOpportunity: true,
        finishProcessWithoutOpportunity: false,
        protectClosedLeads: true);

    /// <summary>Logical names of the lead columns that must be filled before qualifying, in the order given.</summary>
    public IReadOnlyList<string> RequiredFields { get; }

    /// <summary>Account creation mode.</summary>
    public RecordCreationMode Account { get; }

    /// <summary>Contact creation mode.</summary>
    public RecordCreationMode Contact { get; }

    /// <summary>Opportunity creation mode.</summary>
    public RecordCreationMode Opportunity { get; }

    /// <summary>Use the lead's parentaccountid / parentcontactid instead of creating an account / contact.</summary>
    public bool ReuseExisting { get; }

    /// <summary>Use an active account named like the company, or an active contact with the lead's email, instead of creating one.</summary>
    public bool MatchExisting { get; }

    /// <summary>Refuse to disqualify a lead that has an opportunity.</summary>
    public bool BlockDisqualifyWithOpportunity { get; }

    /// <summary>Finish the lead's process instance when the lead is qualified without an opportunity.</summary>
    public bool FinishProcessWithoutOpportunity { get; }

    /// <summary>Refuse to delete qualified and disqualified leads.</summary>
    public bool ProtectClosedLeads { get; }

    /// <summary>
    /// Parses the variable's value. Null or blank text means "not set" and gives <see cref="Default"/>; any other
    /// text must be a valid policy, or the result carries the problem.
    /// </summary>
    public static PolicyParseResult Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new PolicyParseResult(Default, null);
        }

        JsonValue root;
        try
        {
            root = StrictJsonReader.Parse(json!);
        }
        catch (JsonSyntaxException exception)
        {
            return Problem(PolicyTexts.NotJson, exception.Position);
        }

        if (root.Kind != JsonKind.Object)
        {
            return Problem(PolicyTexts.NotAnObject);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var requiredFields = Default.RequiredFields;
        var modes = new Dictionary<string, RecordCreationMode>(StringComparer.Ordinal)
        {
            [Keys.Account] = Default.Account,
            [Keys.Contact] = Default.Contact,
            [Keys.Opportunity] = Default.Opportunity,
        };
        var flags = new Dictionary<string, bool>(StringComparer.Ordinal)
        {
            [Keys.ReuseExisting] = Default.ReuseExisting,
            [Keys.MatchExisting] = Default.MatchExisting,
            [Keys.BlockDisqualifyWithOpportunity] = Default.BlockDisqualifyWithOpportunity,
            [Keys.FinishProcessWithoutOpportunity] = Default.FinishProcessWithoutOpportunity,
            [Keys.ProtectClosedLeads] = Default.ProtectClosedLeads,
        };

        foreach (var member in root.Members)
        {
            var key = member.Key;
            var value = member.Value;
            if (!seen.Add(key))
            {
                return Problem(PolicyTexts.DuplicateKey, key);
            }

            if (string.Equals(key, Keys.RequiredFields, StringComparison.Ordinal))
            {
                var columns = ReadColumns(value, out var problem);
                if (problem is not null)
                {
                    return new PolicyParseResult(null, problem);
                }

                requiredFields = columns;
            }
            else if (modes.ContainsKey(key))
            {
                if (value.Kind != JsonKind.String)
                {
                    return Problem(PolicyTexts.ModeNotText, key);
                }

                if (!TryParseMode(value.AsString, out var mode))
                {
                    return Problem(PolicyTexts.UnknownMode, key, value.AsString);
                }

                modes[key] = mode;
            }
            else if (flags.ContainsKey(key))
            {
                if (value.Kind != JsonKind.Boolean)
                {
                    return Problem(PolicyTexts.NotBoolean, key);
                }

                flags[key] = value.AsBoolean;
            }
            else
            {
                return Problem(PolicyTexts.UnknownKey, key);
            }
        }

        return new PolicyParseResult(
            new QualificationPolicy(
                requiredFields,
                modes[Keys.Account],
                modes[Keys.Contact],
                modes[Keys.Opportunity],
                flags[Keys.ReuseExisting],
                flags[Keys.MatchExisting],
                flags[Keys.BlockDisqualifyWithOpportunity],
                flags[Keys.FinishProcessWithoutOpportunity],
                flags[Keys.ProtectClosedLeads]),
            null);
    }

    /// <summary>Whether a record of a table with <paramref name="mode"/> is wanted when the caller's flag is <paramref name="requested"/>.</summary>
    public static bool Wants(RecordCreationMode mode, bool requested) => mode switch
    {
        RecordCreationMode.Always => true,
        RecordCreationMode.Never => false,
        _ => requested,
    };

    private static List<string> ReadColumns(JsonValue value, out Refusal? problem)
    {
        problem = null;
        if (value.Kind != JsonKind.Array || value.Items.Any(item => item.Kind != JsonKind.String))
        {
            problem = Invalid(PolicyTexts.NotColumnList);
            return [];
        }

        var columns = new List<string>();
        foreach (var item in value.Items)
        {
            var column = LeadColumns.Requirable(item.AsString);
            if (column is null)
            {
                problem = Invalid(PolicyTexts.NotLeadColumn, item.AsString);
                return [];
            }

            if (!columns.Contains(column.LogicalName))
            {
                columns.Add(column.LogicalName);
            }
        }

        return columns;
    }

    private static bool TryParseMode(string text, out RecordCreationMode mode)
    {
        switch (text)
        {
            case Modes.AsRequested:
                mode = RecordCreationMode.AsRequested;
                return true;
            case Modes.Always:
                mode = RecordCreationMode.Always;
                return true;
            case Modes.Never:
                mode = RecordCreationMode.Never;
                return true;
            default:
                mode = default;
                return false;
        }
    }

    private static PolicyParseResult Problem(UserText text, params object[] args) => new(null, Invalid(text, args));

    // Every text quoted from the policy (a key, a mode, a column) goes through PolicyQuote.
    private static Refusal Invalid(UserText text, params object[] args) =>
        new(PolicyTexts.Invalid, new Refusal(text, args.Select(arg => arg is string quoted ? PolicyQuote.Of(quoted) : arg).ToArray()));
}

/// <summary>The outcome of <see cref="QualificationPolicy.Parse"/>: a policy, or the problem to show.</summary>
public sealed class PolicyParseResult
{
    /// <summary>Creates the result; exactly one of the two is set.</summary>
    public PolicyParseResult(QualificationPolicy? policy, Refusal? problem)
    {
        Policy = policy;
        Problem = problem;
    }

    /// <summary>The policy, or null when it is malformed.</summary>
    public QualificationPolicy? Policy { get; }

    /// <summary>The complete user message naming the variable and the problem, or null when the policy is valid.</summary>
    public Refusal? Problem { get; }
}
