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
try {
    Import-Module $ModulePath
    $tour = @(
        'Get-HubConfiguration | Select-Object CivitaiEndpoint, HuggingFaceEndpoint, ContentPolicy'
        "Find-HubModel 'pixel art' -First 6"
        'Find-HubModel -Type LoRA -BaseModel SDXL -Sort Downloads -First 20 | Where-Object Downloads -gt 1000000 | Select-Object -First 5'
        'Get-HubModel civitai:900001 | Format-List Hub, Id, Name, Type, BaseModel, Author, Air, Url'
        'Get-HubModelFile civitai:900001'
        'Get-HubModelVersion hf:modelhub-emulator/example-lora -All'
        'Get-HubModelFile hf:modelhub-emulator/example-pipeline | Where-Object Format -eq SafeTensor'
    )
    foreach ($command in $tour) {
        Write-Host "PS> $command"
        Invoke-Expression $command | Out-Host
    }
}
finally {
    $emulator | Stop-HubEmulator
}
