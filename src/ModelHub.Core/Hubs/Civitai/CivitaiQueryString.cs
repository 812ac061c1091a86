using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelHub.Hubs.Civitai;

/// <summary>A Civitai API path with its query parameters, in order, each value escaped.</summary>
internal static class CivitaiQueryString
{
    public static string Build(string path, IEnumerable<KeyValuePair<string, string>> parameters) =>
        path + "?" + string.Join("&", parameters.Select(parameter => parameter.Key + "=" + Uri.EscapeDataString(parameter.Value)));
}
