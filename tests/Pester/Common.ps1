# Dot-sourced by every test file: where the built module is, and helpers shared by the tests.
$script:ModulePath = if ($env:MODELHUB_TEST_MODULE) { $env:MODELHUB_TEST_MODULE } else { Join-Path $PSScriptRoot '../../out/ModelHub/ModelHub.psd1' }
$script:ModuleFolder = Split-Path -Parent $script:ModulePath
$script:PackageRoot = $env:MODELHUB_TEST_PACKAGES

# The run's hub emulator (Invoke-ModelHubPester.ps1 starts it once): its three origins.
$script:Emulator = [pscustomobject]@{
    Civitai     = $env:MODELHUB_TEST_CIVITAI
    HuggingFace = $env:MODELHUB_TEST_HUGGINGFACE
    Cdn         = $env:MODELHUB_TEST_CDN
}

function Use-HubEmulator {
    # Points ModelHub at the run's emulator (call after Save-ModelHubEnvironment).
    $env:MODELHUB_CIVITAI_ENDPOINT = $script:Emulator.Civitai
    $env:MODELHUB_HF_ENDPOINT = $script:Emulator.HuggingFace
}

# Every variable ModelHub reads; tests clear them so the machine's own settings never leak in.
$script:ModelHubVariables = @(
    'MODELHUB_CIVITAI_ENDPOINT', 'MODELHUB_HF_ENDPOINT', 'HF_ENDPOINT',
    'CIVITAI_API_TOKEN', 'HF_TOKEN', 'HUGGING_FACE_HUB_TOKEN', 'HF_TOKEN_PATH', 'HF_HOME', 'XDG_CACHE_HOME',
    'MODELHUB_HOME', 'MODELHUB_MAX_RETRIES', 'MODELHUB_RETRY_BASE_DELAY', 'MODELHUB_RETRY_MAX_DELAY',
    'MODELHUB_ATTEMPT_TIMEOUT', 'MODELHUB_TIMEOUT', 'MODELHUB_READ_IDLE_TIMEOUT', 'HF_HUB_CACHE', 'MODELHUB_CACHE'
)

function Save-ModelHubEnvironment {
    # Returns the current values and clears them; Restore-ModelHubEnvironment puts them back.
    $saved = @{}
    foreach ($name in $script:ModelHubVariables) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $null)
    }
    $saved
}

function Restore-ModelHubEnvironment([hashtable] $Saved) {
    foreach ($name in $Saved.Keys) {
        [Environment]::SetEnvironmentVariable($name, $Saved[$name])
    }
}

function Invoke-FreshPwsh([string] $Script) {
    # Runs a script in a new pwsh process (a clean set of loaded assemblies); returns its output lines and exit code.
    $output = & ([Environment]::ProcessPath) (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -Command $Script 2>&1
    [pscustomobject]@{ Output = @($output | ForEach-Object ToString); ExitCode = $LASTEXITCODE }
}

function Reset-HubEmulator([psobject] $Target = $script:Emulator) {
    # Clears every origin's request log and fault rules, so a test sees only its own traffic.
    # A request the previous test cancelled (a prefetched page) may still land in the log: let it, then clear again.
    foreach ($origin in $Target.Civitai, $Target.HuggingFace, $Target.Cdn) {
        $null = Invoke-RestMethod -Method Delete "$origin/_emulator/faults"
        $null = Invoke-RestMethod -Method Delete "$origin/_emulator/requests"
    }
    Start-Sleep -Milliseconds 200
    foreach ($origin in $Target.Civitai, $Target.HuggingFace, $Target.Cdn) {
        $null = Invoke-RestMethod -Method Delete "$origin/_emulator/requests"
    }
}

function Get-EmulatorRequest([ValidateSet('Civitai', 'HuggingFace', 'Cdn')] [string] $Origin, [psobject] $Target = $script:Emulator) {
    # The requests one origin received, oldest first (the emulator's request log), one object each.
    foreach ($entry in (Invoke-RestMethod "$($Target.$Origin)/_emulator/requests")) { $entry }
}

function Add-EmulatorFault([ValidateSet('Civitai', 'HuggingFace', 'Cdn')] [string] $Origin, [hashtable] $Rule, [psobject] $Target = $script:Emulator) {
    $null = Invoke-RestMethod -Method Post "$($Target.$Origin)/_emulator/faults" -ContentType 'application/json' -Body ($Rule | ConvertTo-Json -Compress)
}

function Enter-EmulatorTest {
    # What every test against the emulator starts with: the machine's settings saved (returned, for
    # Restore-ModelHubEnvironment) and cleared, ModelHub pointed at the run's emulator with quick retries,
    # and a state folder of the test's own.
    $saved = Save-ModelHubEnvironment
    Use-HubEmulator
    Use-FastRetries
    $env:MODELHUB_HOME = Join-Path $TestDrive ([guid]::NewGuid())
    $saved
}

function Use-FastRetries {
    # Faults in tests are retried quickly: one retry, millisecond waits.
    $env:MODELHUB_MAX_RETRIES = '1'
    $env:MODELHUB_RETRY_BASE_DELAY = '0.01'
    $env:MODELHUB_RETRY_MAX_DELAY = '0.05'
}
