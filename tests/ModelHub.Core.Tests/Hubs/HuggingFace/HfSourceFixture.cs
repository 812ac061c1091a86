using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using ModelHub.Http;
using ModelHub.Hubs.HuggingFace;
using ModelHub.Tests.Fakes;

namespace ModelHub.Tests.Hubs.HuggingFace;

/// <summary>A Hugging Face source on the fake hub, and the Hub's answers in the shapes hf-api.md documents.</summary>
internal sealed class HfSourceFixture : IDisposable
{
    public const string Origin = HttpHarness.HuggingFaceOrigin;

    public HfSourceFixture()
    {
        Source = new HuggingFaceSource(Harness.Runtime.Http, new HubRequestFactory(Harness.Runtime.Settings, Harness.Runtime.Tokens), Harness.Time);
    }

    public HttpHarness Harness { get; } = new();

    public HuggingFaceSource Source { get; }

    public FakeHub Hub => Harness.Hub;

    /// <summary>The addresses requested so far, as the network saw them.</summary>
    public IReadOnlyList<string> Requested => Hub.Requests.Select(request => request.Uri.AbsoluteUri).ToList();

    /// <summary>A response recorded from huggingface.co (fixtures/hf), read at test time.</summary>
    public static string Recorded(string name) => RecordedResponses.Read("hf/" + name);

    public static HttpResponseMessage Json(string json) => FakeHub.Json(HttpStatusCode.OK, json);

    /// <summary>A listing page; with <paramref name="next"/>, the Link header that names the next one.</summary>
    public static HttpResponseMessage Page(string json, string? next)
    {
        var response = Json(json);
        if (next is not null)
        {
            response.Headers.TryAddWithoutValidation("Link", $"<{next}>; rel=\"next\"");
        }

        return response;
    }

    /// <summary>An error as the Hub sends it: X-Error-Code, X-Error-Message and {"error":…}.</summary>
    public static HttpResponseMessage Error(int status, string code, string message)
    {
        var response = FakeHub.Json((HttpStatusCode)status, "{\"error\":\"" + message + "\"}");
        response.Headers.Add("X-Error-Code", code);
        response.Headers.Add("X-Error-Message", message);
        return response;
    }

    public void Dispose() => Harness.Dispose();
}
