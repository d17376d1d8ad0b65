using System;
using System.IO;
using LeadQualifyExtensions.Emulator;
using LeadQualifyExtensions.Packaging;

namespace LeadQualifyExtensions.Testing;

/// <summary>
/// The one way tests get an organization with our solution: the zip an administrator imports, packed once per test
/// run by the real packer from the DLLs this build produced, imported into a fresh emulator (steps, images and the
/// policy definition all come from the zip), with the policy set through the emulator's public API. Compiled into
/// every test project that sets LqxShipsSolution (tests/Directory.Build.targets).
/// </summary>
internal static class ShippedSolution
{
    /// <summary>
    /// Category of tests that compare the bytes of the built DLLs. Mutation runs (scripts/mutation.sh) leave them out:
    /// a mutant changes the bytes, not a rule, so their failure would count as a kill that proves nothing.
    /// </summary>
    public const string ComparesDllBytes = "ComparesDllBytes";

    /// <summary>Schema name of the policy variable the solution declares.</summary>
    public const string PolicyVariable = "lqx_LeadQualificationPolicy";

    private static readonly Lazy<PackResult> Packed = new(() => BuiltSolution.Pack(typeof(ShippedSolution).Assembly));

    /// <summary>Both zips, as the build writes them to artifacts/solution.</summary>
    public static PackResult Result => Packed.Value;

    /// <summary>The unmanaged zip.</summary>
    public static byte[] Zip => Packed.Value.Unmanaged;

    /// <summary>A fresh organization with the solution imported and, when given, a current policy value.</summary>
    public static XrmEmulator Organization(string? policyValue = null) => Organization(policyValue, out _);

    /// <summary>As <see cref="Organization(string?)"/>, also returning what the import registered and loaded.</summary>
    public static XrmEmulator Organization(string? policyValue, out Emulator.Solutions.SolutionImportResult imported)
    {
        var emulator = new XrmEmulator();
        using (var stream = new MemoryStream(Zip, writable: false))
        {
            imported = emulator.ImportSolution(stream);
        }

        if (policyValue is not null)
        {
            emulator.SetEnvironmentVariable(PolicyVariable, policyValue);
        }

        return emulator;
    }
}
