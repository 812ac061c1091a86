<#
.SYNOPSIS
    Download + verify + place: Install-HubModel against curl, openssl and aria2c on the emulator's 2 GiB file.
.DESCRIPTION
    Starts the hub emulator (quiet) and, for Runs rounds, interleaves in the same run:
    (a) Install-HubModel civitai:900001 -Path (download, SHA-256 verify, atomic place) against
        `curl -sL -o FILE URL` then `openssl dgst -sha256 FILE` (target <= 0.70 of its wall time), and against
        `curl -sL URL | tee FILE | openssl dgst -sha256` (target <= 0.60);
    (b) the CDN throttled to ThrottleMBps per connection, Connections connections on both sides:
        Install-HubModel -MaxConnections against `aria2c -x -s -k1M` and `aria2c ... --checksum=sha-256=<hex>`,
        as a share of the Connections x ThrottleMBps ceiling (target >= 95% with the hash included);
    (c) memory during (a): this process's peak RSS (VmHWM, reset through /proc/self/clear_refs) minus its RSS
        just before the install (target <= 64 MB).
    Prints every measurement, then the medians of the paired ratios. Checks free disk space first, installs
    aria2 with apt-get when missing, and removes every file it wrote. Build first (./build.ps1 -Task Build).
.EXAMPLE
    dotnet pwsh ./bench/download.ps1 -Runs 3
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 21)]
    [int] $Runs = 3,

    [ValidateRange(1, 1000)]
    [int] $ThrottleMBps = 40,

    [ValidateRange(1, 16)]
    [int] $Connections = 8,

    # Where the files are written; the system's temporary folder by default.
    [string] $WorkFolder = [IO.Path]::GetTempPath()
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../tests/Pester/HubEmulator.psm1')
Import-Module (Join-Path $PSScriptRoot 'Bench.psm1')
Import-Module (Join-Path $PSScriptRoot '../out/ModelHub/ModelHub.psd1')
Install-DebianPackage aria2c aria2

$modelId = '900001'
$versionId = '900101'
$work = Join-Path $WorkFolder "modelhub-bench-download-$PID"
$null = New-Item -ItemType Directory -Force $work

function Get-RssBytes([string] $Field) {
    # This process's resident set (VmRSS) or its peak (VmHWM), from /proc.
    $line = Get-Content "/proc/$PID/status" | Where-Object { $_ -like "${Field}:*" }
    [long]($line -replace '\D', '') * 1KB
}

function Measure-Install([hashtable] $Extra = @{}) {
    # Install-HubModel in this process (imported already, so import time is not counted); returns seconds and the memory it took.
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue (Join-Path $work 'ours')
    [GC]::Collect()
    [IO.File]::WriteAllText("/proc/$PID/clear_refs", '5')   # resets VmHWM to the current RSS
    $before = Get-RssBytes VmRSS
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $result = Install-HubModel "civitai:$modelId" -Path (Join-Path $work 'ours') -Force @Extra
    $seconds = $watch.Elapsed.TotalSeconds
    if (-not $result.Verified -or $result.Sha256 -ne $expected) { throw "Install-HubModel did not verify the file: $($result | Out-String)" }
    [pscustomobject]@{ Seconds = $seconds; ExtraRssMB = ((Get-RssBytes VmHWM) - $before) / 1MB }
}

$emulator = Start-HubEmulator -ArgumentList '--quiet' -SetEnvironment
try {
    $file = Get-HubModelFile "civitai:$modelId" | Where-Object Primary
    $expected = $file.Sha256
    $url = "$($emulator.Civitai)/api/download/models/$versionId"
    $needed = 3 * $file.Size + 1GB
    $free = [IO.DriveInfo]::new($work).AvailableFreeSpace
    if ($free -lt $needed) { throw "The benchmark needs $([math]::Round($needed / 1GB, 1)) GB free in $work; there are $([math]::Round($free / 1GB, 1)) GB." }
    $peerFile = Join-Path $work 'peer.safetensors'

    # Warm-up: the emulator hashes and caches the 2 GiB file once per machine; every tool's first read of it is paid here.
    $null = Measure-Install
    $null = Measure-Native curl -sL -o $peerFile $url

    Write-Host "(a) $([math]::Round($file.Size / 1GB, 2)) GiB, one connection, unthrottled"
    $single = foreach ($run in 1..$Runs) {
        $ours = Measure-Install @{ MaxConnections = 1 }
        Remove-Item -Force -ErrorAction SilentlyContinue $peerFile
        $curlThenHash = (Measure-Native curl -sL -o $peerFile $url) + (Measure-Native openssl dgst -sha256 -r $peerFile)
        Remove-Item -Force $peerFile
        $pipe = Measure-Native bash -c "set -o pipefail; curl -sL '$url' | tee '$peerFile' | openssl dgst -sha256 -r > /dev/null"
        Remove-Item -Force $peerFile
        [pscustomobject]@{
            Run = $run; Ours = [math]::Round($ours.Seconds, 2); CurlThenOpenssl = [math]::Round($curlThenHash, 2); CurlTeeOpenssl = [math]::Round($pipe, 2)
            VsSequential = [math]::Round($ours.Seconds / $curlThenHash, 3); VsPipe = [math]::Round($ours.Seconds / $pipe, 3); ExtraRssMB = [math]::Round($ours.ExtraRssMB, 1)
        }
    }
    $single | Format-Table -AutoSize | Out-String -Width 200 | Write-Host

    Write-Host "(b) CDN throttled to $ThrottleMBps MB/s per connection, $Connections connections"
    $null = Invoke-RestMethod -Method Post "$($emulator.Cdn)/_emulator/faults" -ContentType 'application/json' -Body (@{ path = '/files/*'; throttleBytesPerSecond = $ThrottleMBps * 1000000; times = 1000000 } | ConvertTo-Json)
    $ceiling = $Connections * $ThrottleMBps * 1000000
    $aria = @('-q', "-x$Connections", "-s$Connections", '-k1M', '--allow-overwrite=true', '--auto-file-renaming=false', '--file-allocation=none', '-d', $work, '-o', 'peer.safetensors')
    $parallel = foreach ($run in 1..$Runs) {
        $ours = Measure-Install @{ MaxConnections = $Connections }
        $plain = Measure-Native aria2c @aria $url
        Remove-Item -Force $peerFile
        $checked = Measure-Native aria2c @aria "--checksum=sha-256=$expected" $url
        Remove-Item -Force $peerFile
        [pscustomobject]@{
            Run = $run
            OursShare = [math]::Round($file.Size / $ours.Seconds / $ceiling, 3)
            Aria2Share = [math]::Round($file.Size / $plain / $ceiling, 3)
            Aria2ChecksumShare = [math]::Round($file.Size / $checked / $ceiling, 3)
            ExtraRssMB = [math]::Round($ours.ExtraRssMB, 1)
        }
    }
    $parallel | Format-Table -AutoSize | Out-String -Width 200 | Write-Host

    '(a) median paired ratio Install-HubModel / (curl -o, then openssl dgst): {0:N3} (target <= 0.70)' -f (Get-Median $single.VsSequential)
    '(a) median paired ratio Install-HubModel / (curl | tee | openssl dgst): {0:N3} (target <= 0.60)' -f (Get-Median $single.VsPipe)
    '(b) median share of the {0} MB/s ceiling: Install-HubModel (hash included) {1:P1} (target >= 95%); aria2c {2:P1}; aria2c --checksum {3:P1}' -f ($ceiling / 1e6), (Get-Median $parallel.OursShare), (Get-Median $parallel.Aria2Share), (Get-Median $parallel.Aria2ChecksumShare)
    '(c) median extra peak RSS of Install-HubModel: one connection {0:N1} MB, {1} connections {2:N1} MB (target <= 64 MB)' -f (Get-Median $single.ExtraRssMB), $Connections, (Get-Median $parallel.ExtraRssMB)
}
finally {
    $emulator | Stop-HubEmulator
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $work
}
