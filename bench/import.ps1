<#
.SYNOPSIS
    Import time: the median ratio of `pwsh -NoProfile -c 'Import-Module ModelHub'` to `pwsh -NoProfile -c exit`.
.DESCRIPTION
    Runs both commands interleaved, Runs times each, in fresh pwsh processes started the same way, and
    prints each pair's times and the median of the paired ratios. Target: 1.3 or less. Build first
    (./build.ps1 -Task Build).
.EXAMPLE
    dotnet pwsh ./bench/import.ps1 -Runs 11
#>
[CmdletBinding()]
param(
    [ValidateRange(3, 101)]
    [int] $Runs = 11,

    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/ModelHub/ModelHub.psd1')
)

$ErrorActionPreference = 'Stop'
$ModulePath = (Resolve-Path $ModulePath).Path
Import-Module (Join-Path $PSScriptRoot 'Bench.psm1')
$dotnet = [Environment]::ProcessPath
$pwsh = Join-Path $PSHOME 'pwsh.dll'

function Measure-Pwsh([string] $Command) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    & $dotnet $pwsh -NoProfile -NonInteractive -Command $Command
    if ($LASTEXITCODE -ne 0) { throw "pwsh -c '$Command' failed with exit code $LASTEXITCODE." }
    $watch.Elapsed.TotalMilliseconds
}

# One warm-up of each, so the first pair does not pay for cold disk caches.
$null = Measure-Pwsh 'exit'
$null = Measure-Pwsh "Import-Module '$ModulePath'"

$pairs = foreach ($run in 1..$Runs) {
    $baseline = Measure-Pwsh 'exit'
    $import = Measure-Pwsh "Import-Module '$ModulePath'"
    [pscustomobject]@{ Run = $run; ExitMs = [math]::Round($baseline); ImportMs = [math]::Round($import); Ratio = [math]::Round($import / $baseline, 3) }
}
$pairs | Format-Table -AutoSize | Out-String | Write-Host

$ratio = Get-Median $pairs.Ratio
"median exit: {0:N0} ms; median import: {1:N0} ms; median paired ratio: {2:N3} (target <= 1.3)" -f (Get-Median $pairs.ExitMs), (Get-Median $pairs.ImportMs), $ratio
