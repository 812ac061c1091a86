#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, lays out and tests the ModelHub module.
.DESCRIPTION
    Build: compiles the solution in Release (tests and tools included), compiles the help, and lays out
           out/ModelHub/ as a user installs it.
    Test:  Build, then xunit, then Pester in a fresh pwsh against out/ModelHub; prints each runner's
           counts and a final "N passed, N failed" line; exits 1 on any failure.
    Emulator: Build, then runs the hub emulator in the foreground (Ctrl+C stops it); it prints the
           addresses of its Civitai, Hugging Face and CDN origins as one JSON line.
    Demo:  Build, then an offline tour against the emulator: search both hubs, filter, inspect a model
           and its files, as a new user would type it.
    Clean: removes out/ and every bin/ and obj/ folder.
.EXAMPLE
    dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Clean', 'Emulator', 'Demo')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    [string] $PesterVersion = '5.7.1',

    # For -Task Emulator: more emulator options, e.g. '--seed', '7', '--catalog-size', '3000'.
    [string[]] $EmulatorArguments = @()
)

$ErrorActionPreference = 'Stop'
$PSNativeCommandUseErrorActionPreference = $true
$PSStyle.OutputRendering = 'PlainText'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$out = Join-Path $root 'out'
$moduleOut = Join-Path $out 'ModelHub'
$resultsOut = Join-Path $out 'TestResults'

function Invoke-Native {
    # Runs a native command and stops the build when it fails ($LASTEXITCODE checked after every call).
    # No declared parameters: every argument, '-c' included, passes through to the command untouched.
    $command, $arguments = $args
    & $command @arguments | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "'$command $($arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Invoke-Clean {
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $out
    Get-ChildItem -Path (Join-Path $root 'src'), (Join-Path $root 'tests'), (Join-Path $root 'tools'), (Join-Path $root 'build') -Directory -Recurse -Include bin, obj |
        Remove-Item -Recurse -Force
}

function Invoke-Build {
    Invoke-Native dotnet build (Join-Path $root 'ModelHub.PowerShell.sln') -c $Configuration --nologo -v minimal

    # The engine's dependency closure, resolved for .NET 8+ (see build/ModuleDependencies.csproj).
    $dependencies = Join-Path $root 'build/obj/dependencies'
    Invoke-Native dotnet publish (Join-Path $root 'build/ModuleDependencies.csproj') -c $Configuration --nologo -v quiet -o $dependencies

    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $moduleOut
    $null = New-Item -ItemType Directory -Force -Path (Join-Path $moduleOut 'dependencies'), (Join-Path $moduleOut 'en-US')

    $cmdletBin = Join-Path $root "src/ModelHub.PowerShell/bin/$Configuration/netstandard2.0"
    $loaderBin = Join-Path $root "src/ModelHub.PowerShell.Loader/bin/$Configuration/net8.0"
    Copy-Item (Join-Path $root 'ModelHub.psd1') $moduleOut
    Copy-Item (Join-Path $root 'src/ModelHub.PowerShell/ModelHub.Format.ps1xml'), (Join-Path $root 'src/ModelHub.PowerShell/ModelHub.Types.ps1xml') $moduleOut
    Copy-Item (Join-Path $cmdletBin 'ModelHub.PowerShell.dll'), (Join-Path $cmdletBin 'ModelHub.PowerShell.pdb') $moduleOut
    Copy-Item (Join-Path $loaderBin 'ModelHub.PowerShell.Loader.dll'), (Join-Path $loaderBin 'ModelHub.PowerShell.Loader.pdb') $moduleOut
    Get-ChildItem -Path $dependencies -File |
        Where-Object { ($_.Extension -eq '.dll' -or $_.Name -like 'ModelHub.*.pdb') -and $_.BaseName -ne 'ModuleDependencies' } |
        Copy-Item -Destination (Join-Path $moduleOut 'dependencies')

    $helpCompiler = Join-Path $root "tools/ModelHub.HelpCompiler/bin/$Configuration/net10.0/ModelHub.HelpCompiler.dll"
    Invoke-Native dotnet $helpCompiler (Join-Path $root 'docs/en-US') (Join-Path $moduleOut 'en-US') 'ModelHub.PowerShell.dll-Help.xml'

    Write-Host "Module laid out in $moduleOut"
}

function Invoke-XunitTests {
    # Every xunit project in the solution; one TRX file per project, counted together.
    $trxFolder = Join-Path $resultsOut 'xunit'
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue $trxFolder
    try {
        Invoke-Native dotnet test (Join-Path $root 'ModelHub.PowerShell.sln') -c $Configuration --no-build --nologo `
            --results-directory $trxFolder --logger trx --logger 'console;verbosity=minimal'
    }
    catch {
        Write-Host $_.Exception.Message
    }
    $reports = @(Get-ChildItem -Path $trxFolder -Filter *.trx -ErrorAction SilentlyContinue)
    $projects = @(Get-ChildItem -Path (Join-Path $root 'tests') -Filter *.Tests.csproj -Recurse)
    if ($reports.Count -lt $projects.Count) { throw "xunit wrote results for $($reports.Count) of $($projects.Count) test projects." }
    $passed = 0
    $failed = 0
    foreach ($report in $reports) {
        $counters = ([xml](Get-Content -Raw -LiteralPath $report.FullName)).TestRun.ResultSummary.Counters
        $passed += [int]$counters.passed
        $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout
    }
    [pscustomobject]@{ Passed = $passed; Failed = $failed }
}

function Invoke-PesterTests {
    Invoke-Native dotnet restore (Join-Path $root 'build/tools.csproj') --nologo -v quiet "-p:PesterVersion=$PesterVersion"
    $packages = (& dotnet msbuild (Join-Path $root 'build/tools.csproj') -getProperty:NuGetPackageRoot -p:PesterVersion=$PesterVersion).Trim()
    if ($LASTEXITCODE -ne 0) { throw 'Could not find the NuGet package folder.' }
    $summary = Join-Path $resultsOut 'pester-summary.json'
    Remove-Item -Force -ErrorAction SilentlyContinue $summary

    # A fresh pwsh: the tests load the built module, and no DLL stays locked in this process.
    $runner = Join-Path $root 'tests/Pester/Invoke-ModelHubPester.ps1'
    $PSNativeCommandUseErrorActionPreference = $false   # failed tests are counted from the summary below
    & ([Environment]::ProcessPath) (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $runner `
        -PesterModule (Join-Path $packages "pester/$PesterVersion/tools/Pester.psd1") `
        -ModulePath (Join-Path $moduleOut 'ModelHub.psd1') -PackageRoot $packages -ResultFolder $resultsOut | Out-Host
    if (-not (Test-Path $summary)) { throw "Pester wrote no summary (exit code $LASTEXITCODE)." }
    $counts = Get-Content -Raw $summary | ConvertFrom-Json
    if ($counts.Passed -isnot [long] -or $counts.Failed -isnot [long]) { throw "Pester's summary has no counts (exit code $LASTEXITCODE): $(Get-Content -Raw $summary)" }
    $counts
}

function Invoke-Emulator {
    Invoke-Build
    $emulator = Join-Path $root "tests/ModelHub.HubEmulator/bin/$Configuration/net10.0/ModelHub.HubEmulator.dll"
    Write-Host 'Hub emulator: Ctrl+C stops it. Point ModelHub at it with MODELHUB_CIVITAI_ENDPOINT and MODELHUB_HF_ENDPOINT.'
    & dotnet $emulator --civitai http://127.0.0.1:0 --huggingface http://127.0.0.1:0 --cdn http://127.0.0.1:0 @EmulatorArguments
}

function Invoke-Demo {
    Invoke-Build
    # A fresh pwsh, so the tour shows exactly what a user's session would.
    & ([Environment]::ProcessPath) (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File (Join-Path $root 'build/demo.ps1') -ModulePath (Join-Path $moduleOut 'ModelHub.psd1')
    if ($LASTEXITCODE -ne 0) { throw "The demo failed with exit code $LASTEXITCODE." }
}

function Invoke-Test {
    Invoke-Build
    $null = New-Item -ItemType Directory -Force -Path $resultsOut
    $xunit = Invoke-XunitTests
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed"
    $pester = Invoke-PesterTests
    Write-Host "pester: $($pester.Passed) passed, $($pester.Failed) failed"
    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    Write-Host "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) {
        Write-Host "BUILD FAILED: $failed test(s) failed"
        exit 1
    }
}

Push-Location $root
try {
    switch ($Task) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Clean' { Invoke-Clean }
        'Emulator' { Invoke-Emulator }
        'Demo' { Invoke-Demo }
    }
}
finally {
    Pop-Location
}
