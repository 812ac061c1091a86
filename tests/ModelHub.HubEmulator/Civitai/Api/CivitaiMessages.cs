using System.Globalization;

namespace ModelHub.HubEmulator.Civitai.Api;

/// <summary>The server's error messages, word for word (civitai-api.md and the recorded error bodies).</summary>
internal static class CivitaiMessages
{
    public const string Unauthorized = "Unauthorized";
    public const string TooManyPages = "You've requested too many pages, please use cursors instead";
    public const string QueryWithPage = "Cannot use page param with query search. Use cursor-based pagination.";
    public const string ModelNotFound = "Model not found";
    public const string FileNotFound = "File not found";
    public const string Archived = "Model archived, not available for download";
    public const string DownloadsDisabled = "The creator of this asset has disabled downloads on this file";
    public const string LoginRequired = "The creator of this asset requires you to be logged in to download it";
    public const string EarlyAccess = "Early Access";
    public const string EarlyAccessDetail = "This asset is in Early Access. You can use Buzz access it now!";

    public static string NoModelWithId(long id) => string.Create(CultureInfo.InvariantCulture, $"No model with id {id}");
}
