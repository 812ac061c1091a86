namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>
/// Civitai's default file preference (S1): format SafeTensor, size pruned, fp16; main weights first. It picks the
/// primary file and, on downloads, the file among several that match the parameters.
/// </summary>
internal static class FilePreference
{
    public static int Score(string type, string? format, string? sizeKind, string? precision) =>
        (type is "Model" or "Pruned Model" ? 1000 : 0) + (format == "SafeTensor" ? 100 : 0) + (sizeKind == "pruned" ? 10 : 0) + (precision == "fp16" ? 1 : 0);

    public static int Score(CatalogFile file) => Score(file.Type, file.Format, file.SizeKind, file.Precision);
}
