using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ModelHub.Hubs.Civitai;

/// <summary>A Civitai model's usage permissions, and the short summary ModelHub shows as its License.</summary>
internal sealed class CivitaiPermissions
{
    private CivitaiPermissions(IReadOnlyList<string> commercialUse, bool? allowNoCredit, bool? allowDerivatives, bool? allowDifferentLicense)
    {
        CommercialUse = commercialUse;
        AllowNoCredit = allowNoCredit;
        AllowDerivatives = allowDerivatives;
        AllowDifferentLicense = allowDifferentLicense;
    }

    /// <summary>The allowCommercialUse values as sent (None, Image, RentCivit, Rent, Sell); empty when not sent.</summary>
    public IReadOnlyList<string> CommercialUse { get; }

    public bool? AllowNoCredit { get; }

    public bool? AllowDerivatives { get; }

    public bool? AllowDifferentLicense { get; }

    /// <summary>
    /// What is allowed, in the API's own words: "CommercialUse=Image,Sell; AllowNoCredit; AllowDerivatives".
    /// A permission that is false is left out; null when the model states none of them.
    /// </summary>
    public string? Summary
    {
        get
        {
            if (CommercialUse.Count == 0 && AllowNoCredit is null && AllowDerivatives is null && AllowDifferentLicense is null)
            {
                return null;
            }

            var parts = new List<string> { "CommercialUse=" + (CommercialUse.Count == 0 ? "None" : string.Join(",", CommercialUse)) };
            if (AllowNoCredit == true)
            {
                parts.Add(nameof(AllowNoCredit));
            }

            if (AllowDerivatives == true)
            {
                parts.Add(nameof(AllowDerivatives));
            }

            if (AllowDifferentLicense == true)
            {
                parts.Add(nameof(AllowDifferentLicense));
            }

            return string.Join("; ", parts);
        }
    }

    public static CivitaiPermissions Of(JsonElement model) =>
        new(CommercialUseOf(model), model.Flag("allowNoCredit"), model.Flag("allowDerivatives"), model.Flag("allowDifferentLicense"));

    /// <summary>
    /// allowCommercialUse comes three ways: an array (2024+), a single string (2023: "Rent"), or a Postgres
    /// array literal in a string (the new docs' example: "{Image,RentCivit}").
    /// </summary>
    private static IReadOnlyList<string> CommercialUseOf(JsonElement model)
    {
        var values = model.Names("allowCommercialUse");
        if (values.Count == 1 && values[0].Trim() is var single && single.StartsWith("{", StringComparison.Ordinal) && single.EndsWith("}", StringComparison.Ordinal))
        {
            values = single.Substring(1, single.Length - 2).Split(',');
        }

        return values.Select(value => value.Trim().Trim('"')).Where(value => value.Length > 0).ToArray();
    }
}
