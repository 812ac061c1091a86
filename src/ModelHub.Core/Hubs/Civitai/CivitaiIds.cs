using System.Linq;

namespace ModelHub.Hubs.Civitai;

/// <summary>Civitai's model and version ids: whole numbers, checked before any request is sent.</summary>
internal static class CivitaiIds
{
    /// <summary>The id itself, or <see cref="CivitaiErrors.NotAnId"/> naming <paramref name="target"/>.</summary>
    public static string Require(string? id, string target) =>
        id is { Length: > 0 } && id.All(c => c is >= '0' and <= '9') ? id : throw CivitaiErrors.NotAnId(target);

    /// <summary>Whether two ids name the same number (the hub may drop leading zeros).</summary>
    public static bool Same(string id, string other) => id.TrimStart('0') == other.TrimStart('0');

    /// <summary>How errors name a version: model id @ version id, as in an AIR.</summary>
    public static string VersionTarget(string modelId, string versionId) => modelId + "@" + versionId;
}
