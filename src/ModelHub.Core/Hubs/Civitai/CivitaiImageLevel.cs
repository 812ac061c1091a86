using System.Text.Json;

namespace ModelHub.Hubs.Civitai;

/// <summary>
/// An image's NSFW level as /api/v1/images names it (None, Soft, Mature, X, Blocked), from whichever form the
/// answer uses: that name (/images), a bitmask (versions since 2024), or the 2023 nsfw member holding a name.
/// </summary>
internal static class CivitaiImageLevel
{
    // The bit flags of civitai-api.md §0: PG 1, PG-13 2, R 4, X 8, XXX 16, Blocked 32.
    private const long Pg13 = 2;
    private const long R = 4;
    private const long XOrXxx = 8 | 16;
    private const long Blocked = 32;

    /// <summary>The level's name; null when the answer gives none (a 2023 image with a plain nsfw flag).</summary>
    public static string? Name(JsonElement image) => image.Field("nsfwLevel") switch
    {
        { ValueKind: JsonValueKind.String } name => name.GetString(),

        // Civitai's own reverse map: the highest flag set names the level.
        { ValueKind: JsonValueKind.Number } => image.WholeNumber("nsfwLevel") switch
        {
            { } flags when (flags & Blocked) != 0 => "Blocked",
            { } flags when (flags & XOrXxx) != 0 => "X",
            { } flags when (flags & R) != 0 => "Mature",
            { } flags when (flags & Pg13) != 0 => "Soft",
            _ => "None",
        },
        _ => image.Field("nsfw") is { ValueKind: JsonValueKind.String } name ? name.GetString() : null,
    };

    /// <summary>NSFW as models are (<see cref="CivitaiNsfw"/>: a flag, or a level above PG-13), or a level named above Soft.</summary>
    public static bool IsNsfw(JsonElement image, string? level) =>
        CivitaiNsfw.IsNsfw(image, image.WholeNumber("nsfwLevel") is { } flags ? (int)flags : null)
        || level is not (null or "None" or "Soft");
}
