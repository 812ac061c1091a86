using System;

namespace ModelHub.HubEmulator.Civitai.Catalog;

/// <summary>What decides whether a version downloads, checked in the order of civitai-api.md §5.</summary>
/// <param name="Archived">The model's <c>mode</c> is Archived: 410.</param>
/// <param name="Poi">A person-of-interest model: 404 for everyone but its owner.</param>
/// <param name="UsageControl">Anything but <c>Download</c>: 401 "disabled downloads".</param>
/// <param name="LoginRequired">The creator requires a signed-in user: 401 for anonymous callers.</param>
/// <param name="EarlyAccessDeadline">Set while the version is in early access: 403 unless the caller owns it.</param>
internal sealed record AccessRules(bool Archived, bool Poi, string UsageControl, bool LoginRequired, DateTimeOffset? EarlyAccessDeadline)
{
    public const string Download = "Download";

    public static readonly AccessRules Open = new(false, false, Download, false, null);
}
