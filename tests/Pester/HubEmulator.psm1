<#
    Starts and stops the hub emulator (tests/ModelHub.HubEmulator) for Pester, the demo and benchmarks.
    The emulator binds three origins, prints one JSON line with their addresses, and serves until stopped
    or until the process that started it ends (--parent-pid).
#>

$script:EmulatorAssembly = Join-Path $PSScriptRoot '../ModelHub.HubEmulator/bin/Release/net10.0/ModelHub.HubEmulator.dll'

function Start-HubEmulator {
    <#
    .SYNOPSIS
        Starts the hub emulator and returns its origins; -SetEnvironment points ModelHub at it.
    #>
    [CmdletBinding()]
    param(
        [string[]] $ArgumentList = @(),
        [switch] $SetEnvironment,
        [ValidateRange(1, 300)] [int] $TimeoutSeconds = 60
    )

    $assembly = (Resolve-Path $script:EmulatorAssembly -ErrorAction Stop).Path
    $start = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
    foreach ($argument in @($assembly, '--civitai', 'http://127.0.0.1:0', '--huggingface', 'http://127.0.0.1:0', '--cdn', 'http://127.0.0.1:0', '--quiet', '--parent-pid', $PID) + $ArgumentList) {
        $start.ArgumentList.Add([string]$argument)
    }
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)

    $line = $process.StandardOutput.ReadLineAsync()
    if (-not $line.Wait([TimeSpan]::FromSeconds($TimeoutSeconds)) -or -not $line.Result) {
        if (-not $process.HasExited) { $process.Kill() }
        throw "The hub emulator did not print its addresses within $TimeoutSeconds s (exit code: $(if ($process.HasExited) { $process.ExitCode } else { 'still running' }))."
    }

    $origins = $line.Result | ConvertFrom-Json
    $emulator = [pscustomobject]@{
        PSTypeName  = 'ModelHub.HubEmulator'
        Civitai     = $origins.civitai
        HuggingFace = $origins.huggingface
        Cdn         = $origins.cdn
        Process     = $process
    }
    if ($SetEnvironment) {
        $env:MODELHUB_CIVITAI_ENDPOINT = $emulator.Civitai
        $env:MODELHUB_HF_ENDPOINT = $emulator.HuggingFace
    }
    $emulator
}

function Stop-HubEmulator {
    <#
    .SYNOPSIS
        Stops an emulator that Start-HubEmulator started.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] [psobject] $Emulator)

    process {
        if (-not $Emulator.Process.HasExited) {
            $Emulator.Process.Kill()
            $null = $Emulator.Process.WaitForExit(10000)
        }
        $Emulator.Process.Dispose()
    }
}

Export-ModuleMember -Function Start-HubEmulator, Stop-HubEmulator
