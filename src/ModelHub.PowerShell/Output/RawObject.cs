using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace ModelHub.PowerShell.Output;

/// <summary>Turns a hub's raw JSON (as the core's plain values) into PSObjects, as ConvertFrom-Json would.</summary>
internal static class RawObject
{
    /// <summary>Replaces a card's plain-value metadata with PSObjects before it is written.</summary>
    public static ModelCard Attach(ModelCard card)
    {
        card.Metadata = Convert(card.Metadata);
        return card;
    }

    /// <summary>Replaces an image's plain-value generation metadata with PSObjects before it is written.</summary>
    public static ModelImage Attach(ModelImage image)
    {
        image.Meta = Convert(image.Meta);
        return image;
    }

    /// <summary>Replaces the model's raw JSON text with a PSObject before it is written.</summary>
    public static Model Attach(Model model)
    {
        if (model.Raw is string json)
        {
            model.Raw = Convert(PlainJson.Parse(json));
        }

        return model;
    }

    private static object? Convert(object? value) => value switch
    {
        List<KeyValuePair<string, object?>> members => ToPSObject(members),
        List<object?> items => items.Select(Convert).ToArray(),
        _ => value,
    };

    private static PSObject ToPSObject(List<KeyValuePair<string, object?>> members)
    {
        var result = new PSObject();
        foreach (var member in members)
        {
            result.Properties.Add(new PSNoteProperty(member.Key, Convert(member.Value)));
        }

        return result;
    }
}
