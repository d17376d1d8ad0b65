using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A localizable label: one text per language plus the label in the user's language.</summary>
[DataContract(Name = "Label", Namespace = "http://schemas.microsoft.com/xrm/2011/Contracts")]
public sealed class Label : IExtensibleDataObject
{
    public Label()
    {
        LocalizedLabels = new LocalizedLabelCollection();
    }

    public Label(LocalizedLabel userLocalizedLabel, LocalizedLabel[] labels)
    {
        UserLocalizedLabel = userLocalizedLabel;
        LocalizedLabels = new LocalizedLabelCollection();
        if (labels is not null)
        {
            LocalizedLabels.AddRange(labels);
        }
    }

    public Label(LocalizedLabel userLocalizedLabel, List<LocalizedLabel> labels)
    {
        UserLocalizedLabel = userLocalizedLabel;
        LocalizedLabels = new LocalizedLabelCollection();
        if (labels is not null)
        {
            LocalizedLabels.AddRange(labels);
        }
    }

    /// <summary>A label with one localized text; <see cref="UserLocalizedLabel"/> stays null, as in Microsoft's SDK (issue 18).</summary>
    /// <param name="label">The text.</param>
    /// <param name="languageCode">Its language (LCID).</param>
    public Label(string label, int languageCode)
    {
        LocalizedLabels = new LocalizedLabelCollection { new LocalizedLabel(label, languageCode) };
    }

    public ExtensionDataObject? ExtensionData { get; set; }

    [DataMember]
    public LocalizedLabelCollection LocalizedLabels { get; private set; }

    [DataMember]
    public LocalizedLabel? UserLocalizedLabel { get; set; }
}
