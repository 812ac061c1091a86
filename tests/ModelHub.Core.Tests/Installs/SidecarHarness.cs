using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ModelHub.Discovery;
using ModelHub.Installs;
using ModelHub.Tests.Fakes;

namespace ModelHub.Tests.Installs;

/// <summary>
/// A <see cref="SidecarWriter"/> on the fake hub, which answers by address (path prefixes, first match wins; anything
/// else is a 404), an install folder, and the items installs hand to it.
/// </summary>
internal sealed class SidecarHarness : IDisposable
{
    public const string CivitaiModelId = "1231067";
    public const string CivitaiVersionId = "1387174";
    public const string CivitaiFileName = "pp-storybook_rank2_bf16.safetensors";
    public const string CivitaiSha256 = "9753338ab693ca82bf89ed77a5d1912879e40051463ec6e330fb9866ce798668";

    public static readonly byte[] PngBytes = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3 };

    private readonly List<(string Prefix, Func<HttpResponseMessage> Answer)> _routes = new();

    public SidecarHarness()
    {
        Http.Hub.Then((request, _) => Task.FromResult(Route(request.RequestUri!)));
        Writer = new SidecarWriter(Http.Runtime.Discovery, Http.Runtime.Images, Http.Runtime.Settings);
    }

    public HttpHarness Http { get; } = new();

    public TempFolder Folder { get; } = new();

    public SidecarWriter Writer { get; }

    /// <summary>The addresses the hub was asked for, in order (scheme, host, path and query).</summary>
    public IReadOnlyList<string> Requested => Http.Hub.Requests.Select(request => request.Uri.AbsoluteUri).ToList();

    /// <summary>Answers requests whose address (scheme, host, path and query) starts with <paramref name="prefix"/>.</summary>
    public SidecarHarness On(string prefix, Func<HttpResponseMessage> answer)
    {
        _routes.Add((prefix, answer));
        return this;
    }

    public SidecarHarness OnJson(string prefix, string json) => On(prefix, () => FakeHub.Json(HttpStatusCode.OK, json));

    public SidecarHarness OnImage(string prefix, string mediaType = "image/png") =>
        On(prefix, () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(PngBytes) { Headers = { ContentType = new(mediaType) } } });

    /// <summary>Civitai's recorded LoRA: its model, its version (with one embedded image) and one listed image.</summary>
    public SidecarHarness CivitaiAnswers(string? versionRecord = null)
    {
        OnJson($"{HttpHarness.CivitaiOrigin}/api/v1/model-versions/{CivitaiVersionId}", versionRecord ?? RecordedResponses.Read("civitai/model-version-1387174.json"));
        OnJson($"{HttpHarness.CivitaiOrigin}/api/v1/models/{CivitaiModelId}", RecordedResponses.Read("civitai/model-1231067.json"));
        OnJson($"{HttpHarness.CivitaiOrigin}/api/v1/images", ImagesPage(("https://image.cdn.example/listed/77.png", false)));
        OnImage("https://image.cdn.example/");
        OnImage("https://image.civitai.com/", "image/jpeg");
        return this;
    }

    /// <summary>A /api/v1/images page with these images.</summary>
    public static string ImagesPage(params (string Url, bool Nsfw)[] images) =>
        "{\"items\":[" + string.Join(",", images.Select((image, index) =>
            $"{{\"id\":{7700 + index},\"url\":\"{image.Url}\",\"width\":512,\"height\":512,\"nsfwLevel\":\"{(image.Nsfw ? "X" : "None")}\",\"nsfw\":{(image.Nsfw ? "true" : "false")}}}")) + "],\"metadata\":{}}";

    /// <summary>The recorded Civitai LoRA installed as <paramref name="fileName"/> in models/Lora (the file is created).</summary>
    public InstalledItem CivitaiItem(string fileName = CivitaiFileName, bool nsfw = false, string baseModel = "Flux.1 D", Uri? modelUrl = null)
    {
        var model = new Model
        {
            Hub = Hub.Civitai,
            Id = CivitaiModelId,
            Name = "Vivid Impressions Storybook Style",
            Type = ModelType.LoRA,
            Nsfw = nsfw,
            Url = modelUrl ?? new Uri($"{HttpHarness.CivitaiOrigin}/models/{CivitaiModelId}"),
            Air = $"urn:air:flux1:lora:civitai:{CivitaiModelId}@{CivitaiVersionId}",
        };
        var version = new ModelVersion
        {
            Hub = Hub.Civitai,
            ModelId = CivitaiModelId,
            VersionId = CivitaiVersionId,
            Name = "v1.0",
            BaseModel = BaseModels.FromCivitai(baseModel),
            BaseModelRaw = baseModel,
            TrainedWords = new[] { "ppstorybook" },
            Url = new Uri($"{HttpHarness.CivitaiOrigin}/models/{CivitaiModelId}?modelVersionId={CivitaiVersionId}"),
            Air = $"urn:air:flux1:lora:civitai:{CivitaiModelId}@{CivitaiVersionId}",
        };
        var hubFile = new ModelFile
        {
            Hub = Hub.Civitai,
            ModelId = CivitaiModelId,
            VersionId = CivitaiVersionId,
            Name = CivitaiFileName,
            Path = CivitaiFileName,
            Size = 1234,
            Sha256 = CivitaiSha256,
            Primary = true,
        };
        return Item(model, version, Folder.Write(Path.Combine("models", "Lora", fileName), "weights"), hubFile, Tool.A1111, "LoRA → models/Lora (A1111)");
    }

    public static InstalledItem Item(Model model, ModelVersion version, string path, ModelFile hubFile, Tool? tool, string rule) => new()
    {
        Model = model,
        Version = version,
        Path = path,
        Files = new[] { new InstalledFile { File = hubFile, Path = path, Sha256 = hubFile.Sha256!, Size = hubFile.Size ?? 0, Verified = true } },
        Tool = tool,
        Rule = rule,
        InstalledAt = new DateTimeOffset(2026, 11, 27, 12, 30, 0, TimeSpan.Zero),
    };

    public Task<IReadOnlyList<string>> WriteAsync(InstalledItem item, HubCallOptions? options = null) =>
        Http.RunAsync(cancellationToken => Writer.WriteAsync(item, options ?? HubCallOptions.Default, cancellationToken));

    /// <summary>The files in the install folder, by path relative to it (forward slashes), sorted.</summary>
    public IReadOnlyList<string> FilesWritten() =>
        Directory.GetFiles(Folder.Path, "*", SearchOption.AllDirectories)
            .Select(file => file.Substring(Folder.Path.Length + 1).Replace(Path.DirectorySeparatorChar, '/'))
            .OrderBy(file => file, StringComparer.Ordinal)
            .ToList();

    public void Dispose()
    {
        Http.Dispose();
        Folder.Dispose();
    }

    private HttpResponseMessage Route(Uri uri)
    {
        var address = uri.AbsoluteUri;
        var route = _routes.FirstOrDefault(candidate => address.StartsWith(candidate.Prefix, StringComparison.Ordinal));
        return route.Answer is null ? FakeHub.Json(HttpStatusCode.NotFound, "{\"error\":\"No route for " + address + "\"}") : route.Answer();
    }
}
