using System;
using System.Text.Json.Nodes;
using ModelHub.HubEmulator.Civitai.Wire;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>An entry of /api/v1/tags or /api/v1/creators: the name its query matches, and its JSON.</summary>
internal sealed record DirectoryItem(string Name, Func<RenderContext, JsonObject> Render);
