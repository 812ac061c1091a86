using System.Collections.Generic;
using ModelHub.HubEmulator.Content;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>
/// The documented models (README): the large benchmark checkpoint, the oversized checkpoint and one model of each
/// restricted kind, at fixed ids (model 90000N, its one version 90010N), with the lowest ratings so default listings show
/// them only after a full page of newcomer-safe models.
/// </summary>
internal static class ShowcaseModels
{
    /// <summary>A 2 GiB SafeTensors checkpoint for download benchmarks.</summary>
    public const int BenchmarkModelId = 900_001;

    public const int BenchmarkVersionId = 900_101;

    public const long BenchmarkFileSize = 2L * 1024 * 1024 * 1024;

    /// <summary>Anonymous downloads get 401; any signed-in token downloads.</summary>
    public const int LoginRequiredModelId = 900_002;

    public const int LoginRequiredVersionId = 900_102;

    /// <summary>403 with a deadline unless the caller owns it (the valid token owns every early-access version).</summary>
    public const int EarlyAccessModelId = 900_003;

    public const int EarlyAccessVersionId = 900_103;

    /// <summary>usageControl Generation: 401 "disabled downloads" for everyone.</summary>
    public const int DownloadsDisabledModelId = 900_004;

    public const int DownloadsDisabledVersionId = 900_104;

    /// <summary>mode Archived: no downloadUrl, download 410.</summary>
    public const int ArchivedModelId = 900_005;

    public const int ArchivedVersionId = 900_105;

    /// <summary>A checkpoint whose primary file (<see cref="OversizedFile"/>) fits on no disk: its hashes are declared, never computed.</summary>
    public const int OversizedModelId = 900_006;

    public const int OversizedVersionId = 900_106;

    public static readonly IReadOnlyList<ModelPlan> Plans =
    [
        Plan(BenchmarkModelId, "Checkpoint", "ModelHub Benchmark Checkpoint", ModelRestriction.None, 1) with { PrimaryFileSize = BenchmarkFileSize },
        Plan(LoginRequiredModelId, "LORA", "ModelHub Login Required LoRA", ModelRestriction.LoginRequired, 4),
        Plan(EarlyAccessModelId, "LORA", "ModelHub Early Access LoRA", ModelRestriction.EarlyAccess, 5),
        Plan(DownloadsDisabledModelId, "LORA", "ModelHub Downloads Disabled LoRA", ModelRestriction.DownloadsDisabled, 6),
        Plan(ArchivedModelId, "LORA", "ModelHub Archived LoRA", ModelRestriction.Archived, 7),
        Plan(OversizedModelId, "Checkpoint", "ModelHub Oversized Checkpoint", ModelRestriction.None, 2) with { PrimaryFileSize = OversizedFile.Size, PrimaryFileHashes = OversizedFile.Hashes },
    ];

    private static ModelPlan Plan(int modelId, string type, string name, ModelRestriction restriction, long thumbsUp)
    {
        var ids = ModelIds.Showcase(modelId - 900_000);
        return new ModelPlan
        {
            Ids = ids,
            Stream = -ids.Model,
            Type = type,
            Name = name,
            BaseModel = "SDXL 1.0",
            VersionCount = 1,
            Restriction = restriction,
            ThumbsUp = (thumbsUp, thumbsUp),
        };
    }
}
