using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelHub.Discovery;
using Xunit;

namespace ModelHub.Tests.Hubs.HuggingFace;

/// <summary>The tree listings recorded from huggingface.co (fixtures/hf), with and without expand, as ModelFiles.</summary>
public sealed class RecordedTreeTests : IDisposable
{
    private const string Commit = "dd4bc8b21efa05ec961e3efc4ee5e3832a3679c7";
    private const string Download = "https://hf.example/google-bert/bert-base-uncased/resolve/" + Commit + "/";

    private readonly HfSourceFixture _hf = new();

    public void Dispose() => _hf.Dispose();

    [Theory]
    [InlineData("tree-google-bert--bert-base-uncased@dd4bc8b2.json")]
    [InlineData("tree-expand-google-bert--bert-base-uncased@dd4bc8b2.json")]
    public async Task Maps_every_file_with_its_size_and_hashes(string fixture)
    {
        _hf.Hub.Then(
            () => HfSourceFixture.Json($$"""{"_id":"621ffdc036468d709f174338","id":"google-bert/bert-base-uncased","sha":"{{Commit}}"}"""),
            () => HfSourceFixture.Json(HfSourceFixture.Recorded(fixture)));

        var files = await _hf.Source.GetFilesAsync("google-bert/bert-base-uncased", Commit, HubCallOptions.Default, CancellationToken.None).ToListAsync();

        Assert.Equal(
            new[]
            {
                "https://hf.example/api/models/google-bert/bert-base-uncased/revision/" + Commit + "?expand=sha",
                "https://hf.example/api/models/google-bert/bert-base-uncased/tree/" + Commit + "?recursive=true",
            },
            _hf.Requested);
        Assert.All(files, file =>
        {
            Assert.Equal(Hub.HuggingFace, file.Hub);
            Assert.Equal("google-bert/bert-base-uncased", file.ModelId);
            Assert.Equal(Commit, file.VersionId);
            Assert.Equal(file.Path, file.Name);
            Assert.Equal(new Uri(Download + file.Path), file.DownloadUrl);
            Assert.Null(file.Precision);
            // Two root weights files (PyTorch and TensorFlow): none is the primary.
            Assert.False(file.Primary);
        });
        Assert.Equal(new[] { ".gitattributes", "config.json", "pytorch_model.bin", "tf_model.h5", "vocab.txt" }, files.Select(file => file.Path));
        Assert.Equal(new long?[] { 345, 313, 440473133, 536063208, 231508 }, files.Select(file => file.Size));
        Assert.Equal(
            new[] { null, null, "097417381d6c7230bd9e3557456d726de6e83245ec8b24f529f60198a67b203a", "a7a17d6d844b5de815ccab5f42cad6d24496db3850a2a43d8258221018ce87d2", null },
            files.Select(file => file.Sha256));
        Assert.Equal(
            new[] { "dc08351d4dc0732d9c8af04070ced089b201ce2f", "fca794a5f07ff8f963fe8b61e3694b0fb7f955df", null, null, "fb140275c155a9c7c5a3b3e0e77a9e839594a938" },
            files.Select(file => file.GitBlobId));
        Assert.Equal(new[] { "Other", "Config", "Model", "Model", "Other" }, files.Select(file => file.Kind));
        Assert.Equal(new[] { "Other", "Other", "PickleTensor", "Other", "Other" }, files.Select(file => file.Format));
    }
}
