# What the benchmark scripts share: medians, timing native peers, and installing Debian packages they need.

function Get-Median([double[]] $Values) {
    $sorted = $Values | Sort-Object
    $middle = [int][math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2) { $sorted[$middle] } else { ($sorted[$middle - 1] + $sorted[$middle]) / 2 }
}

function Measure-Native {
    # Runs a native command (no declared parameters, so every argument passes through untouched) and returns
    # its wall time in seconds; a non-zero exit code stops the benchmark.
    $command, $arguments = $args
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $null = & $command @arguments
    if ($LASTEXITCODE -ne 0) { throw "'$command $($arguments -join ' ')' failed with exit code $LASTEXITCODE." }
    $watch.Elapsed.TotalSeconds
}

function Install-DebianPackage([string] $Command, [string] $Package) {
    # Installs a peer tool with apt-get when it is missing (as root, or through sudo).
    if (Get-Command $Command -ErrorAction SilentlyContinue) { return }
    $aptGet = if ((& id -u) -eq '0') { { & apt-get @args } } else { { & sudo apt-get @args } }
    Write-Host "Installing $Package with apt-get ..."
    & $aptGet install -y -q $Package | Out-Null
    if ($LASTEXITCODE -ne 0) {
        & $aptGet update -q | Out-Null
        & $aptGet install -y -q $Package | Out-Null
    }
    if (-not (Get-Command $Command -ErrorAction SilentlyContinue)) { throw "Could not install $Package (needed for $Command)." }
}

Export-ModuleMember -Function Get-Median, Measure-Native, Install-DebianPackage
