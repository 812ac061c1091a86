using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace ModelHub.Images;

/// <summary>
/// The models an image names in its metadata lists: <c>resources</c> (A1111 via Civitai: name, type, hash, weight),
/// <c>civitaiResources</c> (Civitai's generator: type, modelVersionId, weight, modelVersionName) and
/// <c>additionalResources</c> (name, type, strength), in that order.
/// </summary>
internal static class MetaResources
{
    public static IReadOnlyList<ImageResource> Read(MetaFields meta) =>
        new[] { "resources", "civitairesources", "additionalresources" }
            .SelectMany(list => meta.Find(list) is { ValueKind: JsonValueKind.Array } entries ? entries.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(entry => entry.ValueKind == JsonValueKind.Object)
            .Select(entry => Resource(new MetaFields(entry)))
            .Where(resource => resource.Name is not null || resource.Hash is not null || resource.ModelVersionId is not null)
            .ToArray();

    private static ImageResource Resource(MetaFields entry) => new()
    {
        Name = entry.Text("name", "modelversionname"),
        Type = entry.Text("type"),
        Hash = entry.Text("hash"),
        Weight = entry.Real("weight", "strength"),
        ModelVersionId = entry.Id("modelversionid"),
    };
}
