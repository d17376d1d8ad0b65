using System.Globalization;

namespace LeadQualifyExtensions.Plugins.Tests.TestSupport;

/// <summary>Expected message texts, built from the message constants the way the plug-ins format them.</summary>
internal static class Texts
{
    public static string Format(string format, params object[] args) => string.Format(CultureInfo.InvariantCulture, format, args);
}
