<#
.SYNOPSIS
    Runs the Pester tests against the built module, in this (fresh) process, and writes a summary for build.ps1.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $PesterModule,
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $PackageRoot,
    [Parameter(Mandatory)] [string] $ResultFolder,
    # Test files or folders to run (all by default): for running one file while working on it.
    [string[]] $Path = $PSScriptRoot
)

$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
Import-Module $PesterModule
Import-Module (Join-Path $PSScriptRoot 'HubEmulator.psm1')

# Common.ps1 reads these: the module under test, the NuGet folder that holds test-only packages, and
# the one hub emulator of this run (started here, not per file; the test files share this script scope,
# so its variable is named to stay clear of theirs).
$env:MODELHUB_TEST_MODULE = $ModulePath
$env:MODELHUB_TEST_PACKAGES = $PackageRoot
$runEmulator = Start-HubEmulator
$env:MODELHUB_TEST_CIVITAI = $runEmulator.Civitai
$env:MODELHUB_TEST_HUGGINGFACE = $runEmulator.HuggingFace
$env:MODELHUB_TEST_CDN = $runEmulator.Cdn

$pesterConfiguration = New-PesterConfiguration
$pesterConfiguration.Run.Path = $Path
$pesterConfiguration.Run.PassThru = $true
$pesterConfiguration.Output.Verbosity = 'Detailed'

try {
    $pesterResult = Invoke-Pester -Configuration $pesterConfiguration
}
finally {
    $runEmulator | Stop-HubEmulator
}
# The counts first: a report that cannot be written (a failure message with control characters is not valid
# XML) must never hide the failures it reports.
[pscustomobject]@{
    Passed = $pesterResult.PassedCount
    Failed = $pesterResult.FailedCount + $pesterResult.FailedBlocksCount + $pesterResult.FailedContainersCount
} | ConvertTo-Json | Set-Content -Path (Join-Path $ResultFolder 'pester-summary.json')
try {
    $pesterResult | Export-NUnitReport -Path (Join-Path $ResultFolder 'pester.xml')
}
catch {
    Write-Warning "The NUnit report was not written: $_"
}
exit ([int]($pesterResult.Result -ne 'Passed'))
