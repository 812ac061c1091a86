<#
.SYNOPSIS
    The offline tour build.ps1 -Task Demo runs: what a new user would type, against the hub emulator.
#>
[CmdletBinding()]
param([Parameter(Mandatory)] [string] $ModulePath)

$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
Import-Module (Join-Path $PSScriptRoot '../tests/Pester/HubEmulator.psm1')

$emulator = Start-HubEmulator -SetEnvironment
# Installs go to a temporary ComfyUI folder, and settings to a temporary state folder: the demo leaves the machine as it was.
$sandbox = Join-Path ([IO.Path]::GetTempPath()) "modelhub-demo-$PID"
$env:MODELHUB_HOME = Join-Path $sandbox 'state'
try {
    Import-Module $ModulePath
    $tour = @(
        'Get-HubConfiguration | Select-Object CivitaiEndpoint, HuggingFaceEndpoint, ContentPolicy'
        'Find-HubModel pixel -First 6'
        'Find-HubModel -Type LoRA -BaseModel SDXL -Sort Downloads -First 20 | Where-Object Downloads -gt 1000000 | Select-Object -First 5'
        'Get-HubModel civitai:900001 | Format-List Hub, Id, Name, Type, BaseModel, Author, Air, Url'
        'Get-HubModelFile civitai:900001'
        'Get-HubModelVersion hf:modelhub-emulator/example-lora -All'
        "Get-HubModelFile hf:modelhub-emulator/example-pipeline | Where-Object Path -like '*.safetensors'"
        'Get-HubModelCard hf:modelhub-emulator/example-lora'
        'Find-HubModel pixel -Hub Civitai -Type LoRA -First 1 | Get-HubModelImage -First 3'
        'Find-HubModel anime -Type LoRA -First 12 | Show-HubModelGallery -NoOpen -PassThru | Select-Object Name, Length'
        "Set-HubConfiguration -Tool ComfyUI -ToolRoot '$sandbox/ComfyUI'"
        'Find-HubModel pixel -Hub Civitai -Type LoRA -First 1 | Install-HubModel -WhatIf'
        'Find-HubModel pixel -Hub Civitai -Type LoRA -First 1 | Install-HubModel'
        'Install-HubModel hf:modelhub-emulator/example-lora, hf:modelhub-emulator/example-pipeline'
        "Get-ChildItem -Recurse -File '$sandbox/ComfyUI/models' | Select-Object @{ n = 'File'; e = { [IO.Path]::GetRelativePath('$sandbox/ComfyUI', `$_.FullName) } }, Length"
        # An older version, so the update check has something to find.
        "Find-HubModel 'Painterly Pixel Art Concept' -Hub Civitai -First 1 | Get-HubModelVersion | Select-Object -Last 1 | Install-HubModel | Select-Object FileName, VersionId"
        'Get-InstalledHubModel | Format-Table Name, VersionName, Type, BaseModel, IdentifiedBy'
        'Get-InstalledHubModel | Get-HubModelUpdate'
        "Export-HubModelManifest -Path '$sandbox/workstation.json' -PassThru | Select-Object Name, Length"
        "Sync-HubModel -Manifest '$sandbox/workstation.json' -ToolRoot '$sandbox/second-workstation' | Select-Object -Last 1"
        "Sync-HubModel -Manifest '$sandbox/workstation.json' -ToolRoot '$sandbox/second-workstation' | Select-Object -Last 1"
    )
    foreach ($command in $tour) {
        Write-Host "PS> $command"
        # As a 120-column terminal shows it, also when the output is redirected (CI, a log file).
        Invoke-Expression $command | Out-String -Width 120 | Write-Host
    }
}
finally {
    $emulator | Stop-HubEmulator
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $sandbox
}
