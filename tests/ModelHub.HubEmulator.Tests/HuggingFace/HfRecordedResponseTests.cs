using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace ModelHub.HubEmulator.Tests.HuggingFace;

/// <summary>
/// Every recorded Hugging Face response the emulator serves is served in its recorded shape: JSON-equal once
/// URLs (and, for trees, file hashes and sizes) are normalised in both. Without the recordings the tests say
/// they did not run; with the folder present, a missing recording fails them.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed partial class HfRecordedResponseTests
{
    private readonly EmulatorFixture _fixture;
    private readonly ITestOutputHelper _output;
    private readonly HfRequests _hf;

    public HfRecordedResponseTests(EmulatorFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
        _hf = new HfRequests(fixture.Http, fixture.Origins);
    }

    /// <summary>Recordings whose .headers.txt names the request: model infos, expand answers, renamed-repo redirects.</summary>
    public static TheoryData<string> RecordedExchanges =>
    [
        "model-info-google-bert--bert-base-uncased",
        "model-info-stabilityai--stable-diffusion-2-1",
        "model-info-deepset--roberta-base-squad2",
        "model-info-gated-meta-llama--Meta-Llama-3-8B-Instruct",
        "model-info-expand-black-forest-labs--FLUX.1-dev",
        "model-info-expand-stabilityai--stable-diffusion-xl-base-1.0",
        "redirect-307-renamed-bert-base-uncased",
        "redirect-307-renamed-Meta-Llama-3.1-8B-Instruct",
    ];

    [Theory]
    [MemberData(nameof(RecordedExchanges))]
    public async Task Recorded_exchange_is_served_as_recorded(string name)
    {
        if (!Available(name + ".headers.txt"))
        {
            return;
        }

        var headers = Read(name + ".headers.txt");
        var request = new Uri(RequestLine().Match(headers).Groups["url"].Value);
        var status = int.Parse(StatusLine().Match(headers).Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture);
        using var response = await _hf.GetAsync(request.PathAndQuery);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(status, (int)response.StatusCode);
        Assert.NotNull(HfRequests.Header(response, "X-Request-Id"));
        if (status == (int)HttpStatusCode.TemporaryRedirect)
        {
            Assert.Equal(RecordedHeader(headers, "Location"), response.Headers.Location!.OriginalString);
            Assert.Equal(RecordedHeader(headers, "Content-Type"), response.Content.Headers.ContentType!.ToString());
            Assert.Equal(Read(name + ".body.txt"), body);
            return;
        }

        var recorded = Read(name + ".json");
        Assert.Equal(RecordedHeader(headers, "Content-Type"), response.Content.Headers.ContentType!.ToString());
        Assert.Equal(
            RecordedJson.Normalise(JsonNode.Parse(recorded), _fixture.Origins, fileIdentities: false),
            RecordedJson.Normalise(JsonNode.Parse(body), _fixture.Origins, fileIdentities: false));
        if (!recorded.Contains("://", StringComparison.Ordinal))
        {
            // Nothing to rewrite: the very bytes recorded, key order and escaping included.
            Assert.Equal(recorded, body);
        }
    }

    [Theory]
    [InlineData("tree-google-bert--bert-base-uncased@dd4bc8b2.json", false)]
    [InlineData("tree-expand-google-bert--bert-base-uncased@dd4bc8b2.json", true)]
    public async Task Recorded_tree_is_served_with_hashes_and_sizes_of_the_bytes_served(string file, bool expand)
    {
        if (!Available(file) || !Available("tree-expand-google-bert--bert-base-uncased@dd4bc8b2.json"))
        {
            return;
        }

        var commit = RecordedTreeCommit();
        var served = await _hf.JsonAsync($"/api/models/google-bert/bert-base-uncased/tree/{commit}?recursive=false&expand={(expand ? "true" : "false")}");

        // The recording was trimmed of securityFileStatus (huggingface.js deletes it before comparing): so is the answer.
        foreach (var entry in served.AsArray())
        {
            entry!.AsObject().Remove("securityFileStatus");
        }

        Assert.Equal(
            RecordedJson.Normalise(JsonNode.Parse(Read(file)), _fixture.Origins, fileIdentities: true),
            RecordedJson.Normalise(served, _fixture.Origins, fileIdentities: true));
    }

    [Fact]
    public async Task Recorded_xet_read_token_example_is_served_with_the_cas_url_on_the_emulator()
    {
        if (!Available("docs-example-xet-read-token.json"))
        {
            return;
        }

        var served = await _hf.JsonAsync("/api/models/google-bert/bert-base-uncased/xet-read-token/main");

        Assert.Equal(
            RecordedJson.Normalise(JsonNode.Parse(Read("docs-example-xet-read-token.json")), _fixture.Origins, fileIdentities: false),
            RecordedJson.Normalise(served, _fixture.Origins, fileIdentities: false));
        Assert.Equal(_fixture.Origins.HuggingFace.GetLeftPart(UriPartial.Authority), served["casUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task Recorded_repos_files_are_served_and_commits_pinned_by_recorded_urls_exist()
    {
        if (!Available("model-info-google-bert--bert-base-uncased.json") || !Available("resolve-facts-huggingfacejs-spec.json"))
        {
            return;
        }

        var info = JsonNode.Parse(Read("model-info-google-bert--bert-base-uncased.json"))!;
        foreach (var sibling in info["siblings"]!.AsArray())
        {
            using var head = await _hf.SendAsync(System.Net.Http.HttpMethod.Head, "/google-bert/bert-base-uncased/resolve/main/" + sibling!["rfilename"]!.GetValue<string>());
            Assert.True(head.StatusCode is HttpStatusCode.OK or HttpStatusCode.Found, $"{sibling} answered {(int)head.StatusCode}");
            Assert.Equal(info["sha"]!.GetValue<string>(), HfRequests.Header(head, "X-Repo-Commit"));
        }

        foreach (var fact in JsonNode.Parse(Read("resolve-facts-huggingfacejs-spec.json"))!["cases"]!.AsArray()
                     .Select(fact => new Uri(fact!["url"]!.GetValue<string>()))
                     .Where(url => url.AbsolutePath.StartsWith("/google-bert/bert-base-uncased/resolve/", StringComparison.Ordinal)))
        {
            using var head = await _hf.SendAsync(System.Net.Http.HttpMethod.Head, fact.AbsolutePath);
            Assert.True(head.StatusCode is HttpStatusCode.OK or HttpStatusCode.Found, $"{fact} answered {(int)head.StatusCode}");
        }
    }

    /// <summary>The commit the recorded trees were listed at: the newest lastCommit of the expanded tree.</summary>
    private string RecordedTreeCommit() =>
        JsonNode.Parse(Read("tree-expand-google-bert--bert-base-uncased@dd4bc8b2.json"))!.AsArray()
            .Select(entry => entry!["lastCommit"]!)
            .OrderByDescending(commit => commit["date"]!.GetValue<string>(), StringComparer.Ordinal)
            .First()["id"]!.GetValue<string>();

    /// <summary>False (saying why) when no recordings are available; fails when they are but this one is missing.</summary>
    private bool Available(string file)
    {
        var recorded = _fixture.Host.Services.Recorded;
        if (!recorded.IsAvailable)
        {
            _output.WriteLine($"Did not run: no recorded responses were found (set {RecordedResponses.Variable} or place shared/hub-api/fixtures beside the repository), so there is nothing to compare {file} with.");
            return false;
        }

        Assert.True(recorded.Exists(Path.Combine("hf", file)), $"The recorded responses folder {recorded.Folder} has no hf/{file}.");
        return true;
    }

    private string Read(string file) => _fixture.Host.Services.Recorded.Read(Path.Combine("hf", file));

    private static string RecordedHeader(string headers, string name) =>
        Regex.Match(headers, $"^{Regex.Escape(name)}: (?<value>.*?)\\s*$", RegexOptions.Multiline).Groups["value"].Value;

    [GeneratedRegex(@"^# REQUEST: GET (?<url>\S+)", RegexOptions.Multiline)]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"^HTTP/1\.1 (?<status>\d{3})", RegexOptions.Multiline)]
    private static partial Regex StatusLine();
}
