using System;
using System.Collections.Generic;
using System.Linq;
using ModelHub.HubEmulator.Generation;
using V = ModelHub.HubEmulator.Civitai.Catalog.GeneratorVocabulary;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>The sample images of a generated version, with their NSFW levels, reactions and generation metadata.</summary>
internal static class SampleImages
{
    private const string BlurHashAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz#$%*+,-.:;=?@[]^_{|}~";

    /// <summary>What a version's images are made from.</summary>
    /// <param name="Levels">One NSFW flag per image, in order.</param>
    public sealed record Request(
        ModelPlan Plan, int VersionIndex, int VersionId, string VersionName, string BaseModel, string TriggerWord, string Username,
        DateTimeOffset PublishedAt, IReadOnlyList<int> Levels, CatalogReferences References, ulong Seed);

    public static IReadOnlyList<GeneratedImage> Generate(Request request, SeededRandom random)
    {
        var images = new List<GeneratedImage>(request.Levels.Count);
        for (var i = 0; i < request.Levels.Count; i++)
        {
            var id = request.Plan.Ids.Image(request.VersionIndex, i);
            var (width, height) = random.Pick(V.ImageSizes);
            var likes = random.LogUniform(5, 9000);
            var stats = new ImageReactions(random.LogUniform(1, likes), random.LogUniform(1, likes), likes, 0, random.LogUniform(1, likes), random.LogUniform(1, 60));
            var subject = new GenerationMeta.Subject(request.TriggerWord, request.BaseModel, width, height, request.VersionId, request.VersionName, request.References);
            images.Add(new GeneratedImage
            {
                Id = id,
                ModelId = request.Plan.Ids.Model,
                VersionId = request.VersionId,
                PostId = request.Plan.Ids.Post(request.VersionIndex),
                Username = request.Username,
                NsfwLevel = request.Levels[i],
                CreatedAt = request.PublishedAt.AddMinutes(-(10 * (i + 1))).AddMilliseconds(random.Between(0, 999)),
                Reactions = stats.Cry + stats.Laugh + stats.Like + stats.Heart,
                Comments = stats.Comment,
                Collected = random.LogUniform(1, 2000),
                BaseModel = request.BaseModel,
                File = new LazyImageFile("civitai/images/" + id, width, height, SeededRandom.Derive(request.Seed, "civitai-image", id)),
                Width = width,
                Height = height,
                BlurHash = BlurHash(random),
                Meta = GenerationMeta.Create(GenerationMeta.PickStyle(random), subject, random),
                Stats = stats,
                Poi = request.Plan.Poi,
                OnSite = random.Chance(0.15),
            });
        }

        return images;
    }

    /// <summary>Which flag each image of each version gets: every flag of the model's level appears at least once, the first version showing them all.</summary>
    public static int[][] Levels(int modelLevel, IReadOnlyList<int> imageCounts, SeededRandom random)
    {
        var flags = Enumerable.Range(0, 6).Select(bit => 1 << bit).Where(flag => (modelLevel & flag) != 0).ToArray();
        return imageCounts.Select((count, version) => Enumerable.Range(0, count)
            .Select(image => version == 0 && image < flags.Length ? flags[image] : random.Pick(flags))
            .ToArray()).ToArray();
    }

    /// <summary>A well-formed 4×4-component BlurHash (36 characters, as Civitai's).</summary>
    private static string BlurHash(SeededRandom random) =>
        "U" + string.Concat(Enumerable.Range(0, 35).Select(_ => BlurHashAlphabet[random.Between(0, BlurHashAlphabet.Length - 1)]));
}
