using System.IO;
using System.Text;
using System.Text.Json;

namespace LeadQualifyExtensions.Cli.Bench;

/// <summary>The bench figures for automation: exactly the keys issue 15 names, medians, null when a size did not run.</summary>
public static class BenchJson
{
    /// <summary>The JSON text of <paramref name="report"/>.</summary>
    public static string Write(BenchReport report)
    {
        System.ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("qualifyBarePerSecond", Round(report.QualifyBarePerSecond));
            json.WriteNumber("qualifyWithPluginsPerSecond", Round(report.QualifyWithPluginsPerSecond));
            json.WriteNumber("pluginOverheadRatio", Round(report.PluginOverheadRatio));
            json.WriteNumber("serviceCallsPerQualifyBare", report.ServiceCallsPerQualifyBare);
            json.WriteNumber("serviceCallsPerQualifyWithPlugins", report.ServiceCallsPerQualifyWithPlugins);
            Nullable(json, "qualifyCostRatio50kTo1k", report.QualifyCostRatio50kTo1k);
            Nullable(json, "qualifyBareCostRatio50kTo1k", report.QualifyBareCostRatio50kTo1k);
            Nullable(json, "equalityQueryCostRatio50kTo1kWithWrites", report.EqualityQueryCostRatio50kTo1kWithWrites);
            json.WriteNumber("bytesPerLeadWithProcess", Round(report.BytesPerLeadWithProcess));
            json.WriteNumber("createsPerSecond", Round(report.CreatesPerSecond));
            json.WriteNumber("emulatorCreateMilliseconds", Round(report.EmulatorCreateMilliseconds));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Nullable(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, Round(number));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static double Round(double value) => System.Math.Round(value, 3);
}
