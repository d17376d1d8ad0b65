using System.Collections.Generic;
using System.Linq;

namespace LeadQualifyExtensions.Packaging.Verification;

/// <summary>One problem found in a solution zip.</summary>
/// <param name="Rule">Short rule code, e.g. STEP-ASYNC.</param>
/// <param name="Message">What is wrong and, where useful, how to fix it.</param>
public sealed record VerifyFinding(string Rule, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Rule}: {Message}";
}

/// <summary>The findings of a verification; the zip is OK when there are none.</summary>
public sealed record VerifyReport(string ZipName, IReadOnlyList<VerifyFinding> Findings)
{
    /// <summary>True when nothing was found: every rule holds and no declared step is missing.</summary>
    public bool IsOk => Findings.Count == 0;

    /// <summary>True when a finding of <paramref name="rule"/> exists.</summary>
    public bool Has(string rule) => Findings.Any(f => f.Rule == rule);

    /// <inheritdoc />
    public override string ToString() =>
        IsOk
            ? $"{ZipName}: OK"
            : $"{ZipName}: fails, {Findings.Count} finding(s)\n" + string.Join("\n", Findings.Select(f => "  " + f));
}
