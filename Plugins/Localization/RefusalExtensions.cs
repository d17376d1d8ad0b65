using LeadQualifyExtensions.Plugins.Localization;

namespace LeadQualifyExtensions.Plugins;

/// <summary>Turns a decider's refusal into the user error, in the user's language, at one place.</summary>
public static class RefusalExtensions
{
    /// <summary>Throws <paramref name="refusal"/> as a user error when there is one; the language is read only then.</summary>
    public static void RefuseIf(this PluginContext context, Refusal? refusal)
    {
        if (refusal is null)
        {
            return;
        }

        // The template only: arguments can hold record names, which do not belong in the trace log.
        context.Trace.Trace("Refused: {0}", refusal.Text.English);
        throw refusal.ToException(context.UserLanguage);
    }
}
