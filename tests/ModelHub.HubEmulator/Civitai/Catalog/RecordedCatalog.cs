using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Content;
using ModelHub.HubEmulator.Generation;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>
/// The recorded Civitai responses (fixtures/civitai), read at start-up when the folder is there: their models, versions,
/// images, creators, tags and enums join the catalogue in their recorded shapes. Their files are served from generated
/// bytes of the recorded size (at most 32 MiB), so the hashes shown are those of the served bytes.
/// </summary>
internal sealed class RecordedCatalog
{
    public const string Model1231067 = "civitai/model-1231067.json";
    public const string ModelVersion1387174 = "civitai/model-version-1387174.json";
    public const string WikiModelsPage = "civitai/wiki-models-page-textualinversion.json";
    public const string WikiModelVersion1318 = "civitai/wiki-model-version-1318.json";
    public const string ImagesPage2024 = "civitai/images-page-limit1-2024.json";
    public const string WikiImagesPage = "civitai/wiki-images-page.json";
    public const string WikiCreatorsPage = "civitai/wiki-creators-page.json";
    public const string WikiTagsPage = "civitai/wiki-tags-page.json";
    public const string Enums = "civitai/enums.json";

    /// <summary>Recorded files larger than this are served at this size.</summary>
    public const long MaxServedFileSize = 32L * 1024 * 1024;

    private readonly RecordedResponses _recorded;
    private readonly ulong _seed;
    private readonly Dictionary<int, CatalogFile> _files = [];

    private RecordedCatalog(RecordedResponses recorded, ulong seed)
    {
        _recorded = recorded;
        _seed = seed;
    }

    public IReadOnlyList<RecordedModel> Models { get; private set; } = [];

    /// <summary>Recorded versions whose model was not recorded.</summary>
    public IReadOnlyList<RecordedVersion> StandaloneVersions { get; private set; } = [];

    public IReadOnlyList<RecordedImage> Images { get; private set; } = [];

    public IReadOnlyList<JsonObject> Creators { get; private set; } = [];

    public IReadOnlyList<JsonObject> Tags { get; private set; } = [];

    public JsonObject? EnumsDocument { get; private set; }

    public static RecordedCatalog Load(RecordedResponses recorded, ulong seed)
    {
        var catalog = new RecordedCatalog(recorded, seed);
        if (recorded.IsAvailable)
        {
            catalog.Read();
        }

        return catalog;
    }

    private void Read()
    {
        var versionDocuments = new[] { Document(ModelVersion1387174), Document(WikiModelVersion1318) }
            .OfType<JsonObject>()
            .ToDictionary(document => Int(document["id"]));
        var modelDocuments = new[] { Document(Model1231067) }.OfType<JsonObject>().Concat(Items(WikiModelsPage));
        Models = modelDocuments.Select(document => Model(document, versionDocuments)).ToList();

        var attached = Models.SelectMany(model => model.Versions).Select(version => version.Id).ToHashSet();
        StandaloneVersions = versionDocuments.Values
            .Where(document => !attached.Contains(Int(document["id"])))
            .Select(document => Version(document, null))
            .ToList();
        Images = Items(ImagesPage2024).Concat(Items(WikiImagesPage)).Select(Image).ToList();
        Creators = Items(WikiCreatorsPage).ToList();
        Tags = Items(WikiTagsPage).ToList();
        EnumsDocument = Document(Enums);
    }

    private JsonObject? Document(string path) => _recorded.Exists(path) ? Materialized(JsonNode.Parse(_recorded.Read(path))!.AsObject()) : null;

    /// <summary>
    /// Walks the whole document once: a parsed JsonObject builds its members on first access, which is not safe from
    /// several requests at once; afterwards the documents are only read.
    /// </summary>
    private static JsonObject Materialized(JsonObject document)
    {
        var pending = new Stack<JsonNode?>([document]);
        while (pending.TryPop(out var node))
        {
            IEnumerable<JsonNode?> children = node switch
            {
                JsonObject json => json.Select(pair => pair.Value),
                JsonArray array => array,
                _ => [],
            };
            foreach (var child in children)
            {
                pending.Push(child);
            }
        }

        return document;
    }

    private IEnumerable<JsonObject> Items(string path) => Document(path)?["items"]?.AsArray().OfType<JsonObject>() ?? [];

    private RecordedModel Model(JsonObject document, IReadOnlyDictionary<int, JsonObject> versionDocuments)
    {
        var summaries = document["modelVersions"]!.AsArray().OfType<JsonObject>().ToList();
        var versions = summaries
            .Select(summary => Version(versionDocuments.GetValueOrDefault(Int(summary["id"])) ?? WithModelSummary(summary, document), document))
            .ToList();
        var stats = document["stats"]!;
        return new RecordedModel(document, versions)
        {
            Id = Int(document["id"]),
            Name = (string)document["name"]!,
            Type = (string)document["type"]!,
            Username = (string?)document["creator"]?["username"],
            Tags = document["tags"]!.AsArray().Select(tag => (string)tag!).ToList(),
            NsfwLevel = document["nsfwLevel"] is { } level ? Int(level) : NsfwFlag(document["nsfw"]),
            Metrics = new ModelMetrics(
                Long(stats["downloadCount"]),
                Long(stats["thumbsUpCount"] ?? stats["favoriteCount"]),
                Long(stats["commentCount"]),
                Long(stats["collectedCount"] ?? stats["favoriteCount"]),
                summaries.Sum(summary => summary["images"]?.AsArray().Count ?? 0)),
        };
    }

    /// <summary>The 2023 version endpoint gave the listing entry plus the model's name, type, nsfw and poi after stats.</summary>
    private static JsonObject WithModelSummary(JsonObject summary, JsonObject model)
    {
        var document = new JsonObject();
        foreach (var (key, value) in summary)
        {
            document[key] = value?.DeepClone();
            if (key == "stats")
            {
                document["model"] = new JsonObject
                {
                    ["name"] = model["name"]?.DeepClone(),
                    ["type"] = model["type"]?.DeepClone(),
                    ["nsfw"] = model["nsfw"]?.DeepClone(),
                    ["poi"] = model["poi"]?.DeepClone(),
                };
            }
        }

        return document;
    }

    /// <param name="document">What GET /api/v1/model-versions/{id} serves.</param>
    /// <param name="model">The recorded model, when there is one.</param>
    private RecordedVersion Version(JsonObject document, JsonObject? model)
    {
        var modelSummary = model ?? document["model"]?.AsObject();
        var deadline = (string?)(document["earlyAccessEndsAt"] ?? document["earlyAccessDeadline"]);
        return new RecordedVersion
        {
            Document = document,
            Id = Int(document["id"]),
            ModelId = document["modelId"] is { } modelId ? Int(modelId) : Int(model!["id"]),
            Name = (string)document["name"]!,
            BaseModel = (string)document["baseModel"]!,
            PublishedAt = Date(document["publishedAt"] ?? document["createdAt"]),
            Files = document["files"]!.AsArray().OfType<JsonObject>().Select(File).ToList(),
            Access = AccessRules.Open with
            {
                Archived = (string?)model?["mode"] == "Archived",
                Poi = modelSummary?["poi"]?.GetValue<bool>() == true,
                UsageControl = (string?)document["usageControl"] ?? AccessRules.Download,
                EarlyAccessDeadline = deadline is null ? null : Date(deadline),
            },
        };
    }

    private CatalogFile File(JsonObject file)
    {
        var id = Int(file["id"]);
        if (_files.TryGetValue(id, out var known))
        {
            return known;
        }

        var name = (string)file["name"]!;
        var metadata = file["metadata"];
        var recordedSize = (long)Math.Round(file["sizeKB"]!.GetValue<double>() * 1024);
        var parsed = new CatalogFile
        {
            Id = id,
            Name = name,
            Type = (string?)file["type"] ?? "Model",
            Format = (string?)metadata?["format"],
            SizeKind = (string?)metadata?["size"],
            Precision = (string?)metadata?["fp"],
            Primary = file["primary"]?.GetValue<bool>() == true,
            HashKinds = file["hashes"]?.AsObject().Select(pair => HashKinds.TryParse(pair.Key, out var kind) ? kind : (HashKind?)null).OfType<HashKind>().ToList() ?? [],
            Spec = new FileSpec
            {
                Key = "civitai/files/" + id.ToString(CultureInfo.InvariantCulture),
                Size = Math.Min(recordedSize, MaxServedFileSize),
                Layout = VersionFiles.Layout(Path.GetExtension(name).ToLowerInvariant()),
                Seed = SeededRandom.Derive(_seed, "civitai-recorded-file", id),
            },
        };
        _files[id] = parsed;
        return parsed;
    }

    private static RecordedImage Image(JsonObject item)
    {
        var stats = item["stats"];
        return new RecordedImage
        {
            Document = item,
            Id = Long(item["id"]),
            PostId = Long(item["postId"]),
            Username = (string?)item["username"],
            NsfwLevel = item["browsingLevel"] is { } level ? Int(level) : ImageLevel((string?)item["nsfwLevel"]),
            CreatedAt = Date(item["createdAt"]),
            Reactions = Long(stats?["likeCount"]) + Long(stats?["heartCount"]) + Long(stats?["laughCount"]) + Long(stats?["cryCount"]),
            Comments = Long(stats?["commentCount"]),
            Collected = 0,
            BaseModel = (string?)item["baseModel"],
        };
    }

    /// <summary>2023 records have only the nsfw bool: NSFW ones count as R and X.</summary>
    private static int NsfwFlag(JsonNode? nsfw) => nsfw?.GetValue<bool>() == true ? BrowsingLevel.R | BrowsingLevel.X : BrowsingLevel.PG;

    private static int ImageLevel(string? name) => name switch
    {
        "Soft" => BrowsingLevel.PG13,
        "Mature" => BrowsingLevel.R,
        "X" => BrowsingLevel.X,
        _ => BrowsingLevel.PG,
    };

    private static int Int(JsonNode? node) => node!.GetValue<int>();

    private static long Long(JsonNode? node) => node is null ? 0 : node.GetValue<long>();

    private static DateTimeOffset Date(JsonNode? node) => Date((string)node!);

    private static DateTimeOffset Date(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
