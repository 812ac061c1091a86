using System;
using System.Text.Json;

namespace ModelHub.Hubs.Civitai;

/// <summary>Whether a Civitai model is NSFW: its nsfw flag, or an nsfwLevel above PG-13.</summary>
internal static class CivitaiNsfw
{
    // nsfwLevel is a bitmask (PG 1, PG-13 2, R 4, X 8, XXX 16, Blocked 32): any bit above PG-13 is NSFW.
    private const int SafeLevels = 3;

    public static bool IsNsfw(JsonElement model, int? nsfwLevel) =>
        (nsfwLevel & ~SafeLevels) > 0 || model.Field("nsfw") switch
        {
            { ValueKind: JsonValueKind.True } => true,

            // The 2023 API also spoke in levels: None and Soft (PG-13) are safe, Mature, X and anything else are not.
            { ValueKind: JsonValueKind.String } level => !(string.Equals(level.GetString(), "None", StringComparison.OrdinalIgnoreCase)
                || string.Equals(level.GetString(), "Soft", StringComparison.OrdinalIgnoreCase)
                || string.Equals(level.GetString(), "false", StringComparison.OrdinalIgnoreCase)),
            _ => false,
        };
}
