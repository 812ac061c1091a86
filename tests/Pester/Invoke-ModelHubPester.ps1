<#
.SYNOPSIS
    Runs the Pester tests against the built module, in this (fresh) process, and writes a summary for build.ps1.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $PesterModule,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $PackageRoot,
    [Parameter(Mandatory)] [string] $ResultFolder
)

$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
Import-Module $PesterModule
Import-Module (Join-Path $PSScriptRoot 'HubEmulator.psm1')

# Common.ps1 reads these: the module under test, the NuGet folder that holds test-only packages, and
# the one hub emulator of this run (started here, not per file).
$env:MODELHUB_TEST_MODULE = $ModulePath
$env:MODELHUB_TEST_PACKAGES = $PackageRoot
$emulator = Start-HubEmulator
$env:MODELHUB_TEST_CIVITAI = $emulator.Civitai
$env:MODELHUB_TEST_HUGGINGFACE = $emulator.HuggingFace
$env:MODELHUB_TEST_CDN = $emulator.Cdn

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = Join-Path $ResultFolder 'pester.xml'

try {
    $result = Invoke-Pester -Configuration $configuration
}
finally {
    $emulator | Stop-HubEmulator
}
[pscustomobject]@{
    Passed = $result.PassedCount
    Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
} | ConvertTo-Json | Set-Content -Path (Join-Path $ResultFolder 'pester-summary.json')
exit ([int]($result.Result -ne 'Passed'))
