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

# Common.ps1 reads these: the module under test and the NuGet folder that holds test-only packages.
$env:MODELHUB_TEST_MODULE = $ModulePath
$env:MODELHUB_TEST_PACKAGES = $PackageRoot

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = Join-Path $ResultFolder 'pester.xml'

$result = Invoke-Pester -Configuration $configuration
[pscustomobject]@{
    Passed = $result.PassedCount
    Failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
} | ConvertTo-Json | Set-Content -Path (Join-Path $ResultFolder 'pester-summary.json')
exit ([int]($result.Result -ne 'Passed'))
