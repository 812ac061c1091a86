using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModelHub.HubEmulator.HuggingFace;

/// <summary>
/// The one rewrite recorded JSON gets before it is served: every URL on a Hugging Face host (huggingface.co,
/// *.hf.co such as the Xet CAS) is moved to the emulator's Hugging Face origin, so nothing points off the machine.
/// (File hashes and sizes need no rewrite: trees and siblings are written from the bytes served.)
/// </summary>
internal static partial class RecordedUrls
{
    /// <summary>Rewrites the URLs inside <paramref name="node"/> in place.</summary>
    public static void Rewrite(JsonNode? node, Uri origin)
    {
        switch (node)
        {
            case JsonObject map:
                foreach (var key in map.Select(pair => pair.Key).ToList())
                {
                    if (Rewritten(map[key], origin) is { } text)
                    {
                        map[key] = text;
                    }
                    else
                    {
                        Rewrite(map[key], origin);
                    }
                }

                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (Rewritten(list[i], origin) is { } text)
                    {
                        list[i] = text;
                    }
                    else
                    {
                        Rewrite(list[i], origin);
                    }
                }

                break;
        }
    }

    private static string? Rewritten(JsonNode? node, Uri origin) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && HubOrigin().IsMatch(text)
            ? HubOrigin().Replace(text, origin.GetLeftPart(UriPartial.Authority))
            : null;

    [GeneratedRegex(@"https?://(?:[a-z0-9-]+\.)*(?:huggingface\.co|hf\.co)(?=[/""'\s)]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex HubOrigin();
}
