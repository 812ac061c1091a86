using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace ModelHub.HubEmulator.Tests.Civitai;

/// <summary>
/// Shape equality: every field of a recorded sample is present in a served record with the same JSON type, recursively
/// (each served array element against the recorded first element). A recorded null accepts any value; free-form
/// fields (generation meta, hashes, file metadata) only need to be objects or null; an image's nsfw may be a bool or
/// its level's name, as 2023 responses gave it; <c>optional</c> keys may be missing (listings omit primary unless true).
/// </summary>
internal static class JsonShape
{
    private static readonly HashSet<string> FreeForm = ["meta", "hashes", "metadata"];

    public static void AssertConforms(JsonNode? recorded, JsonNode? served, string path, params string[] optional)
    {
        var failures = new List<string>();
        Compare(recorded, served, path, optional, failures);
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
    }

    private static void Compare(JsonNode? recorded, JsonNode? served, string path, string[] optional, List<string> failures)
    {
        if (recorded is null)
        {
            return;
        }

        if (served is null)
        {
            // A nullable field may be null in a served record where the recorded sample had a value.
            return;
        }

        var recordedKind = Kind(recorded);
        var servedKind = Kind(served);
        var imageNsfwText = path.EndsWith(".nsfw", System.StringComparison.Ordinal) && path.Contains(".images[", System.StringComparison.Ordinal) && servedKind == JsonValueKind.String;
        if (recordedKind != servedKind && !imageNsfwText)
        {
            failures.Add($"{path}: recorded {recordedKind}, served {servedKind}");
            return;
        }

        switch (recorded)
        {
            case JsonObject recordedObject:
                foreach (var (key, value) in recordedObject)
                {
                    var servedObject = served.AsObject();
                    if (!servedObject.ContainsKey(key))
                    {
                        if (!optional.Contains(key))
                        {
                            failures.Add($"{path}.{key}: missing");
                        }
                    }
                    else if (!FreeForm.Contains(key))
                    {
                        Compare(value, servedObject[key], path + "." + key, optional, failures);
                    }
                }

                break;
            case JsonArray { Count: > 0 } recordedArray:
                var index = 0;
                foreach (var element in served.AsArray())
                {
                    Compare(recordedArray[0], element, $"{path}[{index++}]", optional, failures);
                }

                break;
        }
    }

    private static JsonValueKind Kind(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.True or JsonValueKind.False => JsonValueKind.True,
        var kind => kind,
    };
}
