using System.Threading.Tasks;

namespace LeadQualifyExtensions.Browser.Tests;

/// <summary>One Chromium for the whole run.</summary>
[TestClass]
public static class BrowserRun
{
    [AssemblyInitialize]
    public static Task LaunchAsync(TestContext context) => ServedBrowser.LaunchAsync();

    [AssemblyCleanup]
    public static Task CloseAsync() => ServedBrowser.CloseAsync();
}
