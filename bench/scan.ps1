<#
.SYNOPSIS
    Library scan: a 2,000-file library (20 large files totalling 4 GiB, the rest small). The first scan's hashing
    throughput against `find | xargs -P2 -n 50 openssl dgst -sha256` over the same files (target 1.0 or more), and
    a second scan of the unchanged library against the first (target 0.05 or less, and 0 content bytes read).
.DESCRIPTION
    Checks the free space first, generates the library as a ComfyUI root (valid safetensors headers, then
    pseudo-random bytes; nothing is downloaded), starts the hub emulator for the Civitai lookups, and runs Runs rounds
    of: openssl over every file, a first scan with an empty state folder, then a second scan. The scans run in this
    process (the module imported once, warmed up on a small folder), their output discarded. Prints each round and the
    medians of the paired ratios, then removes the library. Build first (./build.ps1 -Task Build).
.EXAMPLE
    dotnet pwsh ./bench/scan.ps1 -Runs 3
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 21)]
    [int] $Runs = 3,

    [ValidateRange(10, 100000)]
    [int] $Files = 2000,

    [ValidateRange(1, 1000)]
    [int] $LargeFiles = 20,

    [ValidateRange(1MB, 1TB)]
    [long] $LargeBytes = 4GB,

    # Where the library is generated (removed afterwards); the system's temporary folder by default.
    [string] $Folder = [IO.Path]::GetTempPath()
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../tests/Pester/HubEmulator.psm1')
Import-Module (Join-Path $PSScriptRoot 'Bench.psm1')
Import-Module (Join-Path $PSScriptRoot '../out/ModelHub/ModelHub.psd1')
Install-DebianPackage openssl openssl

$smallCount = $Files - $LargeFiles
$random = [Random]::new(20261128)
$smallSizes = 1..$smallCount | ForEach-Object { $random.Next(4KB, 192KB) }
$totalBytes = $LargeBytes + ($smallSizes | Measure-Object -Sum).Sum

$drive = [IO.DriveInfo]::new([IO.Path]::GetFullPath($Folder))
if ($drive.AvailableFreeSpace -lt $totalBytes + 1GB) {
    throw ("The library needs {0:N1} GiB and 1 GiB to spare, but {1} has {2:N1} GiB free. Pass -Folder on a larger volume." -f ($totalBytes / 1GB), $drive.Name, ($drive.AvailableFreeSpace / 1GB))
}

function New-Safetensors([string] $Path, [long] $Size, [string] $Tag, [byte[]] $Filler) {
    # A safetensors header naming the file (so every file's hash differs), then the filler repeated up to Size bytes.
    $json = [Text.Encoding]::UTF8.GetBytes((@{ __metadata__ = @{ ss_output_name = $Tag }; weight = @{ dtype = 'F16'; shape = @(1); data_offsets = @(0, 2) } } | ConvertTo-Json -Compress -Depth 4))
    $stream = [IO.File]::Create($Path)
    try {
        $stream.Write([BitConverter]::GetBytes([long]$json.Length), 0, 8)
        $stream.Write($json, 0, $json.Length)
        for ($left = $Size - 8 - $json.Length; $left -gt 0; $left -= $chunk) {
            $chunk = [int][Math]::Min($left, $Filler.Length)
            $stream.Write($Filler, 0, $chunk)
        }
    }
    finally {
        $stream.Dispose()
    }
}

function Invoke-Scan([string] $ToolRoot) {
    # Scans in this process; returns the wall time and the scan's own count of the model bytes it read.
    # The verbose stream goes to a file, so no script runs per model while the scan is timed.
    $log = Join-Path $root 'verbose.log'
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $null = Get-InstalledHubModel -Tool ComfyUI -ToolRoot $ToolRoot -Verbose -WarningAction Stop 4> $log
    $seconds = $watch.Elapsed.TotalSeconds
    $line = Get-Content $log | Where-Object { $_ -match 'read (\d+) content bytes' } | Select-Object -Last 1
    [pscustomobject]@{ Seconds = $seconds; BytesRead = [long]([regex]::Match($line, 'read (\d+) content bytes').Groups[1].Value) }
}

$root = Join-Path $Folder ("modelhub-scan-bench-" + [guid]::NewGuid().ToString('N'))
$savedHome = $env:MODELHUB_HOME
$emulator = $null
try {
    $comfy = Join-Path $root 'ComfyUI'
    Write-Host ("Generating {0} files ({1} large) totalling {2:N2} GiB in {3} ..." -f $Files, $LargeFiles, ($totalBytes / 1GB), $root)
    $filler = [byte[]]::new(8MB)
    $random.NextBytes($filler)
    $checkpoints = New-Item -ItemType Directory -Force (Join-Path $comfy 'models/checkpoints')
    for ($index = 0; $index -lt $LargeFiles; $index++) {
        New-Safetensors (Join-Path $checkpoints "large-$index.safetensors") ([long]($LargeBytes / $LargeFiles)) "large-$index" $filler
    }
    for ($index = 0; $index -lt $smallCount; $index++) {
        $folder = New-Item -ItemType Directory -Force (Join-Path $comfy ('models/loras/set-{0:00}' -f ($index % 20)))
        New-Safetensors (Join-Path $folder "small-$index.safetensors") $smallSizes[$index] "small-$index" $filler
    }

    $emulator = Start-HubEmulator -SetEnvironment -ArgumentList '--quiet'
    # Warm-up: the emulator's first lookup by hash indexes its whole catalogue; the module's first scan compiles it.
    $null = Invoke-RestMethod -Method Post "$($emulator.Civitai)/api/v1/model-versions/by-hash" -ContentType 'application/json' -Body '["00"]'
    $env:MODELHUB_HOME = Join-Path $root 'warm-up-state'
    $warm = Join-Path $root 'warm-up/models/loras'
    $null = New-Item -ItemType Directory -Force $warm
    New-Safetensors (Join-Path $warm 'w.safetensors') 64KB 'warm' $filler
    $null = Invoke-Scan (Join-Path $root 'warm-up')
    $null = Invoke-Scan (Join-Path $root 'warm-up')

    $rounds = foreach ($run in 1..$Runs) {
        $openssl = Measure-Native bash -c "find '$comfy' -type f -name '*.safetensors' -print0 | xargs -0 -P2 -n 50 openssl dgst -sha256 > /dev/null"
        $env:MODELHUB_HOME = Join-Path $root "state-$run"
        $first = Invoke-Scan $comfy
        $second = Invoke-Scan $comfy
        if ($first.BytesRead -lt $totalBytes) { throw "The first scan read $($first.BytesRead) bytes of $totalBytes." }
        [pscustomobject]@{
            Run = $run
            OpensslS = [math]::Round($openssl, 3)
            FirstS = [math]::Round($first.Seconds, 3)
            SecondS = [math]::Round($second.Seconds, 3)
            OpensslMiBps = [math]::Round($totalBytes / 1MB / $openssl)
            FirstMiBps = [math]::Round($totalBytes / 1MB / $first.Seconds)
            Throughput = [math]::Round($openssl / $first.Seconds, 3)
            Rescan = [math]::Round($second.Seconds / $first.Seconds, 4)
            RescanBytes = $second.BytesRead
        }
    }
    $rounds | Format-Table -AutoSize -Wrap | Out-String -Width 200 | Write-Host

    "first scan throughput vs openssl (xargs -P2): median {0:N3} (target >= 1.0)" -f (Get-Median $rounds.Throughput)
    "second scan vs first: median {0:N4} (target <= 0.05); content bytes read by second scans: {1}" -f (Get-Median $rounds.Rescan), (($rounds.RescanBytes | Measure-Object -Maximum).Maximum)
}
finally {
    $env:MODELHUB_HOME = $savedHome
    if ($emulator) { $emulator | Stop-HubEmulator }
    if (Test-Path $root) { Remove-Item -LiteralPath $root -Recurse -Force }
}
