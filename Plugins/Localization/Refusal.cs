using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace LeadQualifyExtensions.Plugins.Localization;

/// <summary>
/// A decision not to go ahead, as pure data: the message and its arguments. It is rendered in the user's
/// language only when it is shown, so deciders stay free of service calls and tests can render both languages.
/// </summary>
/// <remarks>
/// Arguments may be plain values, <see cref="UserText"/> (rendered in the same language), other refusals
/// (rendered recursively) or lists of <see cref="UserText"/> (rendered and joined with ", ").
/// </remarks>
public sealed class Refusal
{
    /// <summary>Creates a refusal showing <paramref name="text"/> with <paramref name="args"/>.</summary>
    public Refusal(UserText text, params object[] args)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
        Args = args ?? [];
    }

    /// <summary>The message.</summary>
    public UserText Text { get; }

    /// <summary>The message arguments, before rendering.</summary>
    public IReadOnlyList<object> Args { get; }

    /// <summary>The message in the language <paramref name="languageCode"/> (LCID), English when we do not ship it.</summary>
    public string Render(int languageCode)
    {
        var rendered = Args.Select(arg => RenderArgument(arg, languageCode)).ToArray();
        return Text.Format(languageCode, rendered);
    }

    /// <summary>The exception that shows this refusal to the user in <paramref name="languageCode"/>.</summary>
    public InvalidPluginExecutionException ToException(int languageCode) =>
        new(OperationStatus.Failed, Render(languageCode));

    private static object RenderArgument(object arg, int languageCode) => arg switch
    {
        UserText text => text.For(languageCode),
        Refusal inner => inner.Render(languageCode),
        IEnumerable<UserText> texts => string.Join(", ", texts.Select(t => t.For(languageCode))),
        _ => arg,
    };
}
