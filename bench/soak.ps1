<#
.SYNOPSIS
    Soak: installs under randomly injected faults end verified or cleanly failed, never half-done.
.DESCRIPTION
    Starts the hub emulator (quiet) and runs Count installs of Civitai LoRAs and checkpoints into one ComfyUI
    folder (with -Force, so each one downloads, over the last good copy). Before each, one fault is injected
    at random: a dropped connection, 429 with Retry-After, a 503 burst, a stalled body, an ignored Range, or
    one corrupted byte. Each install must end verified or fail with the ErrorId its fault explains
    (FileHashMismatch for the corrupted byte). After every install the ComfyUI folder is checked: no
    staging or partial file outside the staging folders, and every model file hashes to what its
    .modelhub.json record says. Prints the outcomes and exits 1 on any violation.
.EXAMPLE
    dotnet pwsh ./bench/soak.ps1 -Count 50 -Seed 7
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 1000)]
    [int] $Count = 50,

    [int] $Seed = 20261127
)

$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../tests/Pester/HubEmulator.psm1')
Import-Module (Join-Path $PSScriptRoot '../out/ModelHub/ModelHub.psd1')

$random = [Random]::new($Seed)
$root = Join-Path ([IO.Path]::GetTempPath()) "modelhub-soak-$PID"
$env:MODELHUB_HOME = Join-Path $root 'state'
# Quick retries and a short idle timeout keep the run short; the behaviour is the same as with the defaults.
$env:MODELHUB_MAX_RETRIES = '4'
$env:MODELHUB_RETRY_BASE_DELAY = '0.05'
$env:MODELHUB_RETRY_MAX_DELAY = '0.5'
$env:MODELHUB_READ_IDLE_TIMEOUT = '1'
$comfy = Join-Path $root 'ComfyUI'

function Add-Fault([string] $Origin, [hashtable] $Rule) {
    $null = Invoke-RestMethod -Method Post "$Origin/_emulator/faults" -ContentType 'application/json' -Body ($Rule | ConvertTo-Json -Compress)
}

function Test-ModelFolder {
    # What a tool would see: returns one line per violation (empty when the folder is sound).
    if (-not (Test-Path $comfy)) { return }
    foreach ($file in Get-ChildItem -LiteralPath $comfy -Recurse -File -Force) {
        if ($file.FullName -match '[\\/]\.modelhub-staging[\\/]') { continue }
        if ($file.Name -match '\.(partial|tmp)$') { "partial file in place: $($file.FullName)"; continue }
        if ($file.Extension -notin '.safetensors', '.ckpt', '.pt') { continue }
        $recordPath = [IO.Path]::ChangeExtension($file.FullName, '.modelhub.json')
        if (-not (Test-Path $recordPath)) { "model file without a record: $($file.FullName)"; continue }
        $record = Get-Content -Raw $recordPath | ConvertFrom-Json
        $actual = (Get-FileHash $file.FullName -Algorithm SHA256).Hash.ToLowerInvariant()
        if ($actual -ne $record.sha256) { "hash differs from its record: $($file.FullName)" }
        if (-not $record.verified) { "unverified file: $($file.FullName)" }
    }
}

$emulator = Start-HubEmulator -ArgumentList '--quiet' -SetEnvironment
try {
    $models = @(Find-HubModel -Hub Civitai -Type LoRA -First 30) + @(Find-HubModel -Hub Civitai -Type Checkpoint -First 30) |
        Where-Object { -not $_.Nsfw -and -not $_.Poi } |
        ForEach-Object { [pscustomobject]@{ Id = $_.Id; File = Get-HubModelFile -Id $_.Id -Hub Civitai | Where-Object Primary } } |
        Where-Object { $_.File.Format -eq 'SafeTensor' -and $_.File.Size -gt 256KB }
    $faults = @(
        @{ Name = 'drop'; Expect = $null; Rule = { param($size) @{ path = '/files/*'; dropAfterBytes = [long]($size * $random.NextDouble() * 0.9) + 1; times = 2 } } }
        @{ Name = '429'; Expect = $null; Rule = { param($size) @{ path = '/files/*'; status = @(429); retryAfter = 1 } } }
        @{ Name = '503 burst'; Expect = $null; Rule = { param($size) @{ path = '/files/*'; status = @(503, 503, 503); times = 3 } } }
        @{ Name = 'stall'; Expect = $null; Rule = { param($size) @{ path = '/files/*'; stallMs = 3000; times = 1 } } }
        @{ Name = 'Range ignored'; Expect = $null; Rule = { param($size) @{ path = '/files/*'; dropAfterBytes = [long]($size / 2); ignoreRange = $true; times = 2 } } }
        @{ Name = 'corrupt byte'; Expect = 'FileHashMismatch'; Rule = { param($size) @{ path = '/files/*'; corruptAtOffset = [long]($size * $random.NextDouble()) } } }
    )

    $outcomes = foreach ($index in 1..$Count) {
        $model = $models[$random.Next($models.Count)]
        $fault = $faults[$random.Next($faults.Count)]
        foreach ($origin in $emulator.Civitai, $emulator.Cdn) { $null = Invoke-RestMethod -Method Delete "$origin/_emulator/faults" }
        Add-Fault $emulator.Cdn (& $fault.Rule $model.File.Size)

        $watch = [Diagnostics.Stopwatch]::StartNew()
        $result = Install-HubModel $model.Id -Hub Civitai -Tool ComfyUI -ToolRoot $comfy -Force -ErrorVariable problems -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
        $errorId = if ($problems) { ($problems[0].FullyQualifiedErrorId -split ',')[0] }
        $violations = @(Test-ModelFolder)
        $ok = $violations.Count -eq 0 -and $(if ($fault.Expect) { $errorId -eq $fault.Expect } else { $result.Verified -and -not $errorId })
        [pscustomobject]@{
            Run = $index; Fault = $fault.Name; Model = $model.Id; SizeMB = [math]::Round($model.File.Size / 1MB, 1)
            Outcome = if ($errorId) { $errorId } else { 'Verified' }; Resumed = [bool]$result.Resumed; Seconds = [math]::Round($watch.Elapsed.TotalSeconds, 2)
            Ok = $ok; Violations = $violations -join '; '
        }
    }
    $outcomes | Format-Table -AutoSize | Out-String -Width 220 | Write-Host

    $verified = @($outcomes | Where-Object { $_.Ok -and $_.Outcome -eq 'Verified' }).Count
    $failedCleanly = @($outcomes | Where-Object { $_.Ok -and $_.Outcome -ne 'Verified' }).Count
    $bad = @($outcomes | Where-Object { -not $_.Ok })
    $violated = @($outcomes | Where-Object Violations).Count
    'soak: {0} installs: {1} verified, {2} failed cleanly with the expected ErrorId, {3} wrong outcomes, {4} left partial or unverified files in place' -f $Count, $verified, $failedCleanly, $bad.Count, $violated
    if ($bad.Count -gt 0) { exit 1 }
}
finally {
    $emulator | Stop-HubEmulator
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $root
}
