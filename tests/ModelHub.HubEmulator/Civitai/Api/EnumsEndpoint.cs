using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using ModelHub.HubEmulator.Civitai.Wire;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>GET /api/v1/enums: the recorded document when available, else the same lists from the emulator's own enumerations.</summary>
internal sealed class EnumsEndpoint
{
    private readonly CivitaiSite _site;

    public EnumsEndpoint(CivitaiSite site)
    {
        _site = site;
    }

    public Task Get(HttpContext context)
    {
        var render = _site.Render([]);
        var body = _site.Catalog.RecordedEnums is { } recorded
            ? RecordedRewriter.Rewrite(recorded, render)
            : new JsonObject
            {
                ["ModelType"] = CivitaiJson.Strings(CivitaiEnums.PublicModelTypes),
                ["ModelFileType"] = CivitaiJson.Strings(CivitaiEnums.PublicFileTypes),
                ["ActiveBaseModel"] = CivitaiJson.Strings(_site.Catalog.Versions.Select(version => version.BaseModel).Distinct().Order(StringComparer.Ordinal)),
                ["BaseModel"] = CivitaiJson.Strings(CivitaiEnums.BaseModels),
                ["BaseModelType"] = CivitaiJson.Strings(CivitaiEnums.BaseModelTypes),
            };
        return CivitaiResponses.Json(context, body);
    }
}
