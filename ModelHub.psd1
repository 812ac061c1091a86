@{
    RootModule           = 'ModelHub.PowerShell.dll'
    # Loaded before the root module: it isolates the engine and its dependencies in their own AssemblyLoadContext.
    NestedModules        = @('ModelHub.PowerShell.Loader.dll')
    ModuleVersion        = '0.1.0'
    GUID                 = 'e9bd072b-17e5-4214-9460-fe54c1ffc91f'
    Author               = 'ModelHub contributors'
    CompanyName          = 'ModelHub'
    Copyright            = '(c) ModelHub contributors.'
    Description          = 'Find, inspect, install and keep current AI image models from Civitai and Hugging Face, with typed objects for the pipeline.'
    PowerShellVersion    = '7.4'
    CompatiblePSEditions = @('Core')
    FormatsToProcess     = @('ModelHub.Format.ps1xml')
    TypesToProcess       = @('ModelHub.Types.ps1xml')
    CmdletsToExport      = @(
        'Connect-Hub'
        'Disconnect-Hub'
        'Export-HubModelManifest'
        'Find-HubModel'
        'Get-HubConfiguration'
        'Get-HubModel'
        'Get-HubModelCard'
        'Get-HubModelFile'
        'Get-HubModelImage'
        'Get-HubModelUpdate'
        'Get-HubModelVersion'
        'Get-InstalledHubModel'
        'Install-HubModel'
        'Save-HubModel'
        'Set-HubConfiguration'
        'Set-HubModelPin'
        'Show-HubModelGallery'
        'Sync-HubModel'
        'Uninstall-HubModel'
        'Update-HubModel'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags = @('Civitai', 'HuggingFace', 'StableDiffusion', 'ComfyUI', 'Automatic1111', 'Models', 'AI', 'Download', 'PSEdition_Core', 'Linux', 'Windows', 'MacOS')
        }
    }
}
