namespace ModelHub.HubEmulator.Civitai;

/// <summary>Civitai's NSFW bit flags (browsingLevel.constants.ts): a model's or image's level is an OR of them.</summary>
internal static class BrowsingLevel
{
    public const int PG = 1;
    public const int PG13 = 2;
    public const int R = 4;
    public const int X = 8;
    public const int XXX = 16;
    public const int Blocked = 32;

    /// <summary>What anonymous listings show by default (<c>nsfw=false</c> or absent).</summary>
    public const int Public = PG;

    /// <summary>Safe for work: PG and PG-13.</summary>
    public const int Sfw = PG | PG13;

    /// <summary>The NSFW flags: what <c>/images?nsfw=true</c> asks for.</summary>
    public const int Nsfw = R | X | XXX;

    /// <summary>Every level a browsing level can ask for.</summary>
    public const int All = PG | PG13 | R | X | XXX;

    public static bool Shows(int browsingLevel, int nsfwLevel) => (browsingLevel & nsfwLevel) != 0;

    public static bool IsNsfw(int nsfwLevel) => (nsfwLevel & Nsfw) != 0;

    /// <summary>The string level /api/v1/images gives (PG→None, PG13→Soft, R→Mature, X/XXX→X), from the highest flag set.</summary>
    public static string ImageLevelName(int nsfwLevel) =>
        (nsfwLevel & Blocked) != 0 ? "Blocked"
        : (nsfwLevel & (X | XXX)) != 0 ? "X"
        : (nsfwLevel & R) != 0 ? "Mature"
        : (nsfwLevel & PG13) != 0 ? "Soft"
        : "None";

    /// <summary>The browsing level an <c>/images?nsfw=</c> value asks for; null when the value is not one the server accepts.</summary>
    public static int? FromImagesNsfw(string value) => value switch
    {
        "None" or "false" => PG,
        "Soft" => PG | PG13,
        "Mature" => PG | PG13 | R,
        "X" => All,
        "true" => Nsfw,
        _ => null,
    };
}
