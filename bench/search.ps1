<#
.SYNOPSIS
    Search latency: Find-HubModel -First 10 over both hubs against one round trip, with 200 ms of latency
    on each hub origin. Target: 1.5 or less (the hubs are asked at the same time, not one after the other).
.DESCRIPTION
    Starts the hub emulator, adds a latencyMs fault on both hub origins, and interleaves Runs measurements of
    (a) one request to one hub (curl, the round-trip floor) and (b) Find-HubModel -First 10 over both hubs in
    this process (the module already imported, so import time is not counted). Prints the median of the
    paired ratios. Build first (./build.ps1 -Task Build).
.EXAMPLE
    dotnet pwsh ./bench/search.ps1 -Runs 15
#>
[CmdletBinding()]
param(
    [ValidateRange(3, 101)]
    [int] $Runs = 11,

    [ValidateRange(1, 5000)]
    [int] $LatencyMs = 200
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../tests/Pester/HubEmulator.psm1')
Import-Module (Join-Path $PSScriptRoot 'Bench.psm1')
Import-Module (Join-Path $PSScriptRoot '../out/ModelHub/ModelHub.psd1')

$emulator = Start-HubEmulator -SetEnvironment
try {
    foreach ($origin in $emulator.Civitai, $emulator.HuggingFace) {
        $null = Invoke-RestMethod -Method Post "$origin/_emulator/faults" -ContentType 'application/json' -Body (@{ path = '/api/*'; latencyMs = $LatencyMs } | ConvertTo-Json)
    }

    # Warm-up: the first search builds the emulator's catalogues and hashes the files it lists.
    $null = Find-HubModel -First 10

    $pairs = foreach ($run in 1..$Runs) {
        $watch = [Diagnostics.Stopwatch]::StartNew()
        $null = & curl -s -o /dev/null "$($emulator.Civitai)/api/v1/models?limit=10"
        if ($LASTEXITCODE -ne 0) { throw "curl failed with exit code $LASTEXITCODE." }
        $roundTrip = $watch.Elapsed.TotalMilliseconds

        $watch.Restart()
        $found = @(Find-HubModel -First 10)
        $search = $watch.Elapsed.TotalMilliseconds
        if ($found.Count -ne 10) { throw "Find-HubModel returned $($found.Count) models, not 10." }

        [pscustomobject]@{ Run = $run; RoundTripMs = [math]::Round($roundTrip); SearchMs = [math]::Round($search); Ratio = [math]::Round($search / $roundTrip, 3) }
    }
    $pairs | Format-Table -AutoSize | Out-String | Write-Host

    $median = Get-Median $pairs.Ratio
    "latency {0} ms per hub request; median paired ratio Find-HubModel -First 10 (both hubs) / one round trip: {1:N3} (target <= 1.5)" -f $LatencyMs, $median
}
finally {
    $emulator | Stop-HubEmulator
}
