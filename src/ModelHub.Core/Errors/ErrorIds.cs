namespace ModelHub.Errors;

/// <summary>The stable error ids users and scripts match on (docs/ARCHITECTURE.md lists them).</summary>
public static class ErrorIds
{
    public const string HubModelNotFound = nameof(HubModelNotFound);
    public const string HubRevisionNotFound = nameof(HubRevisionNotFound);
    public const string HubFileNotFound = nameof(HubFileNotFound);
    public const string HubAuthenticationRequired = nameof(HubAuthenticationRequired);
    public const string HubTokenInvalid = nameof(HubTokenInvalid);
    public const string HubAccessDenied = nameof(HubAccessDenied);
    public const string GatedModelAccessDenied = nameof(GatedModelAccessDenied);
    public const string EarlyAccessRequired = nameof(EarlyAccessRequired);
    public const string DownloadDisabled = nameof(DownloadDisabled);
    public const string HubModelArchived = nameof(HubModelArchived);
    public const string HubRateLimited = nameof(HubRateLimited);
    public const string HubPageLimitExceeded = nameof(HubPageLimitExceeded);
    public const string HubDownloadQuotaExceeded = nameof(HubDownloadQuotaExceeded);
    public const string HubUnavailable = nameof(HubUnavailable);
    public const string InvalidHubResponse = nameof(InvalidHubResponse);
    public const string InvalidHubRequest = nameof(InvalidHubRequest);
    public const string HubRequestFailed = nameof(HubRequestFailed);
    public const string InsecureEndpoint = nameof(InsecureEndpoint);
    public const string InvalidConfiguration = nameof(InvalidConfiguration);
    public const string SettingsNotWritten = nameof(SettingsNotWritten);
    public const string SortNotSupported = nameof(SortNotSupported);
    public const string InvalidModelReference = nameof(InvalidModelReference);
    public const string ContentPolicyViolation = nameof(ContentPolicyViolation);
    public const string GalleryNotWritten = nameof(GalleryNotWritten);
    public const string GalleryNotOpened = nameof(GalleryNotOpened);
    public const string FileHashMismatch = nameof(FileHashMismatch);
    public const string FileSizeMismatch = nameof(FileSizeMismatch);
    public const string UnexpectedDownloadContent = nameof(UnexpectedDownloadContent);
    public const string InsufficientDiskSpace = nameof(InsufficientDiskSpace);
    public const string FileWriteFailed = nameof(FileWriteFailed);
    public const string FileInUse = nameof(FileInUse);
    public const string PickleFormatRefused = nameof(PickleFormatRefused);
    public const string NoMatchingFile = nameof(NoMatchingFile);
    public const string ToolRootNotSet = nameof(ToolRootNotSet);
    public const string UnsupportedPlacement = nameof(UnsupportedPlacement);
    public const string InstalledModelNotFound = nameof(InstalledModelNotFound);
    public const string InstallRecordNotFound = nameof(InstallRecordNotFound);
    public const string UninstallFailed = nameof(UninstallFailed);
    public const string ManifestInvalid = nameof(ManifestInvalid);
    public const string ManifestNotFound = nameof(ManifestNotFound);
    public const string ManifestExists = nameof(ManifestExists);
    public const string TargetOutsideToolRoot = nameof(TargetOutsideToolRoot);
    public const string ManifestEntryChanged = nameof(ManifestEntryChanged);
    public const string HubModelSyncFailed = nameof(HubModelSyncFailed);
    public const string LibraryFolderNotFound = nameof(LibraryFolderNotFound);
    public const string LibraryFileUnreadable = nameof(LibraryFileUnreadable);
}
