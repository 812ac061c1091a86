BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force

    function Get-ModelFileHash([string] $Root, [object[]] $Entries) {
        # Each manifest entry's file under a root, by its path, with its SHA-256 (null when missing).
        foreach ($entry in $Entries) {
            $file = Join-Path $Root $entry.path
            [pscustomobject]@{
                Path   = $entry.path
                Sha256 = if (Test-Path -LiteralPath $file) { (Get-FileHash -LiteralPath $file -Algorithm SHA256).Hash.ToLowerInvariant() } else { $null }
            }
        }
    }

    function Get-TreeState([string] $Root) {
        # Every file under a root with its size and write time: what a sync that changes nothing leaves alone.
        Get-ChildItem -LiteralPath $Root -Recurse -File -Force | Sort-Object FullName |
            ForEach-Object { '{0}|{1}|{2}' -f [IO.Path]::GetRelativePath($Root, $_.FullName), $_.Length, $_.LastWriteTimeUtc.Ticks }
    }

    function Get-CdnFileRequest {
        # The CDN's file downloads since the last reset (previews and API calls left out).
        @(Get-EmulatorRequest Cdn | Where-Object { $_.path -like '/files/*' -and $_.bytes -gt 0 })
    }

    function Write-Manifest([string] $Path, [object] $Manifest) {
        $Manifest | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath $Path
    }

    # A ComfyUI root with a Civitai LoRA and a Hugging Face LoRA, installed the way a user does, and its manifest.
    $script:Saved = Enter-EmulatorTest
    $script:Source = Join-Path $TestDrive 'source/ComfyUI'
    $lora = Find-HubModel -Hub Civitai -Type LoRA -First 20 | Where-Object { -not $_.Nsfw } | Select-Object -First 1
    $script:Installed = @(
        Install-HubModel $lora.Id -Hub Civitai -Tool ComfyUI -ToolRoot $Source -WarningAction SilentlyContinue
        Install-HubModel hf:modelhub-emulator/example-lora -Tool ComfyUI -ToolRoot $Source -WarningAction SilentlyContinue
    )
    $script:Json = Join-Path $TestDrive 'workstation.json'
    Export-HubModelManifest -Path $Json -Tool ComfyUI -ToolRoot $Source -WarningAction SilentlyContinue
    $script:Manifest = Get-Content -Raw $Json | ConvertFrom-Json
}

AfterAll {
    Restore-ModelHubEnvironment $Saved
}

Describe 'Export-HubModelManifest' {
    It 'writes one entry per installed file: hub, version, hashes, size, tool, type and the path under the tool root' {
        $Manifest.formatVersion | Should -Be 1
        $Manifest.tool | Should -Be 'ComfyUI'
        @($Manifest.files).Count | Should -Be 2
        foreach ($result in $Installed) {
            $entry = $Manifest.files | Where-Object sha256 -eq $result.Sha256
            $entry.hub | Should -Be $result.Hub
            $entry.modelId | Should -Be $result.Id
            $entry.versionId | Should -Be $result.VersionId
            $entry.size | Should -Be $result.Size
            $entry.fileName | Should -Be $result.FileName
            $entry.tool | Should -Be 'ComfyUI'
            $entry.type | Should -Be 'LoRA'
            $entry.path | Should -Be ([IO.Path]::GetRelativePath($Source, $result.Path).Replace('\', '/'))
            $entry.pinned | Should -BeFalse
        }
        ($Manifest.files | Where-Object hub -eq 'HuggingFace').hubFileName | Should -Be 'pytorch_lora_weights.safetensors'
        Get-Content -Raw $Json | Test-Json -SchemaFile (Join-Path $PSScriptRoot '../../docs/manifest.schema.json') | Should -BeTrue
    }

    It 'exports piped installed models, warns about the unidentified, and refuses to overwrite without -Force' {
        $stray = Join-Path $Source 'models/loras/my-own.safetensors'
        [IO.File]::WriteAllBytes($stray, [byte[]](1..64))
        try {
            $path = Join-Path $TestDrive 'piped.json'
            $file = Get-InstalledHubModel -Tool ComfyUI -ToolRoot $Source -WarningAction SilentlyContinue |
                Export-HubModelManifest -Path $path -Tool ComfyUI -ToolRoot $Source -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
            $file.FullName | Should -Be $path
            @((Get-Content -Raw $path | ConvertFrom-Json).files).Count | Should -Be 2
            ($warnings -join "`n") | Should -Match 'my-own\.safetensors'

            { Export-HubModelManifest -Path $path -Tool ComfyUI -ToolRoot $Source -WarningAction SilentlyContinue -ErrorAction Stop } |
                Should -Throw -ErrorId 'ManifestExists,ModelHub.PowerShell.Cmdlets.ExportHubModelManifestCommand'
            Export-HubModelManifest -Path $path -Tool ComfyUI -ToolRoot $Source -Force -WarningAction SilentlyContinue
        }
        finally {
            Remove-Item -LiteralPath $stray
        }
    }

    It 'writes a .psd1 that reads back as the same manifest' {
        $psd1 = Join-Path $TestDrive 'workstation.psd1'
        Export-HubModelManifest -Path $psd1 -Tool ComfyUI -ToolRoot $Source
        $data = Import-PowerShellDataFile $psd1
        $data.FormatVersion | Should -Be 1
        $data.Files.Count | Should -Be 2
        foreach ($entry in $Manifest.files) {
            $same = $data.Files | Where-Object { $_.Sha256 -eq $entry.sha256 }
            foreach ($name in 'hub', 'modelId', 'versionId', 'hubFileName', 'fileName', 'size', 'tool', 'type', 'path', 'pinned') {
                "$($same.$name)" | Should -Be "$($entry.$name)" -Because $name
            }
        }
    }
}

Describe 'Sync-HubModel' {
    BeforeEach {
        Reset-HubEmulator
        $script:Target = Join-Path $TestDrive ([guid]::NewGuid()) 'ComfyUI'
    }

    It 'reproduces the files bit for bit on an empty root, then a second sync sends nothing to the CDN and changes nothing' {
        $first = @(Sync-HubModel -Manifest $Json -Tool ComfyUI -ToolRoot $Target -WarningAction SilentlyContinue)
        $summary = $first[-1]
        $summary.PSTypeNames[0] | Should -Be 'ModelHub.SyncSummary'
        $summary.Installed | Should -Be 2
        $summary.Failed | Should -Be 0
        @($first | Where-Object { $_.PSTypeNames[0] -eq 'ModelHub.SyncItem' }).Count | Should -Be 2
        (Get-ModelFileHash $Target $Manifest.files).Sha256 | Should -Be $Manifest.files.sha256
        @(Get-CdnFileRequest).Count | Should -BeGreaterThan 0

        $before = Get-TreeState $Target
        Reset-HubEmulator
        $second = @(Sync-HubModel -Manifest $Json -Tool ComfyUI -ToolRoot $Target)
        $second[-1].Verified | Should -Be 2
        $second[-1].Installed + $second[-1].Updated + $second[-1].Drifted + $second[-1].Failed | Should -Be 0
        @(Get-EmulatorRequest Cdn).Count | Should -Be 0
        @(Get-EmulatorRequest Civitai).Count + @(Get-EmulatorRequest HuggingFace).Count | Should -Be 0
        Get-TreeState $Target | Should -Be $before
    }

    It 'reports a modified file as drift and leaves it; -Force replaces it' {
        Sync-HubModel -Manifest $Json -Tool ComfyUI -ToolRoot $Target -WarningAction SilentlyContinue | Out-Null
        $entry = $Manifest.files[0]
        $file = Join-Path $Target $entry.path
        $bytes = [IO.File]::ReadAllBytes($file)
        $bytes[-1] = $bytes[-1] -bxor 0xFF
        [IO.File]::WriteAllBytes($file, $bytes)
        $modified = (Get-FileHash $file -Algorithm SHA256).Hash

        $items = @(Sync-HubModel -Manifest $Json -Tool ComfyUI -ToolRoot $Target)
        $drift = $items | Where-Object { $_.PSTypeNames[0] -eq 'ModelHub.SyncItem' -and $_.Action -eq 'Drifted' }
        $drift.Path | Should -Be $file
        $drift.Detail | Should -Match 'modified'
        $items[-1].Drifted | Should -Be 1
        $items[-1].Verified | Should -Be 1
        (Get-FileHash $file -Algorithm SHA256).Hash | Should -Be $modified

        $forced = @(Sync-HubModel -Manifest $Json -Tool ComfyUI -ToolRoot $Target -Force -WarningAction SilentlyContinue)
        $forced[-1].Updated | Should -Be 1
        (Get-FileHash $file -Algorithm SHA256).Hash.ToLowerInvariant() | Should -Be $entry.sha256
    }

    It 'reports a file ModelHub installed that the manifest does not list, and removes it with -Prune' {
        $extra = Install-HubModel hf:modelhub-emulator/example-named-lora -Tool ComfyUI -ToolRoot $Target -WarningAction SilentlyContinue
        $items = @(Sync-HubModel -Manifest $Json -Tool ComfyUI -ToolRoot $Target -WarningAction SilentlyContinue)
        ($items | Where-Object { $_.PSTypeNames[0] -eq 'ModelHub.SyncItem' -and $_.Action -eq 'Drifted' }).Path | Should -Be $extra.Path
        Test-Path $extra.Path | Should -BeTrue

        Sync-HubModel -Manifest $Json -Tool ComfyUI -ToolRoot $Target -Prune -WhatIf | Out-Null
        Test-Path $extra.Path | Should -BeTrue

        $pruned = @(Sync-HubModel -Manifest $Json -Tool ComfyUI -ToolRoot $Target -Prune)
        $pruned[-1].Pruned | Should -Be 1
        Test-Path $extra.Path | Should -BeFalse
        Test-Path ([IO.Path]::ChangeExtension($extra.Path, '.modelhub.json')) | Should -BeFalse
        (Get-ModelFileHash $Target $Manifest.files).Sha256 | Should -Be $Manifest.files.sha256
    }

    It '-WhatIf shows the whole plan and writes nothing' {
        $whatIf = Invoke-FreshPwsh @"
`$env:MODELHUB_CIVITAI_ENDPOINT = '$($env:MODELHUB_CIVITAI_ENDPOINT)'; `$env:MODELHUB_HF_ENDPOINT = '$($env:MODELHUB_HF_ENDPOINT)'; `$env:MODELHUB_HOME = '$($env:MODELHUB_HOME)'
Import-Module '$ModulePath'
Sync-HubModel -Manifest '$Json' -Tool ComfyUI -ToolRoot '$Target' -WhatIf
"@
        $plan = $whatIf.Output | Where-Object { $_ -like 'What if:*' }
        @($plan).Count | Should -Be 2
        foreach ($entry in $Manifest.files) {
            ($plan -join "`n") | Should -Match ([regex]::Escape((Join-Path $Target $entry.path)))
        }
        Test-Path $Target | Should -BeFalse
        @(Get-CdnFileRequest).Count | Should -Be 0
    }

    It 'records pinned entries as pinned' {
        $pinned = Join-Path $TestDrive 'pinned.json'
        $copy = Get-Content -Raw $Json | ConvertFrom-Json
        $copy.files[0].pinned = $true
        Write-Manifest $pinned $copy
        Sync-HubModel -Manifest $pinned -Tool ComfyUI -ToolRoot $Target -WarningAction SilentlyContinue | Out-Null
        $records = $copy.files | ForEach-Object { Get-Content -Raw ([IO.Path]::ChangeExtension((Join-Path $Target $_.path), '.modelhub.json')) | ConvertFrom-Json }
        $records[0].pinned | Should -BeTrue
        $records[1].pinned | Should -BeFalse
        (Get-InstalledHubModel -Tool ComfyUI -ToolRoot $Target | Where-Object Sha256 -eq $copy.files[0].sha256).Pinned | Should -BeTrue
    }

    It 'syncs from the .psd1 form alike' {
        $psd1 = Join-Path $TestDrive 'round-trip.psd1'
        Export-HubModelManifest -Path $psd1 -Tool ComfyUI -ToolRoot $Source
        $items = @(Sync-HubModel -Manifest $psd1 -Tool ComfyUI -ToolRoot $Target -WarningAction SilentlyContinue)
        $items[-1].Installed | Should -Be 2
        (Get-ModelFileHash $Target $Manifest.files).Sha256 | Should -Be $Manifest.files.sha256
    }

    It 'refuses a .psd1 manifest that would run code' {
        $evil = Join-Path $TestDrive 'evil.psd1'
        $marker = Join-Path $TestDrive 'ran'
        Set-Content $evil "@{ FormatVersion = 1; Files = @(); Tool = `$(New-Item '$marker') }"
        { Sync-HubModel -Manifest $evil -Tool ComfyUI -ToolRoot $Target -ErrorAction Stop } |
            Should -Throw -ErrorId 'ManifestInvalid,ModelHub.PowerShell.Cmdlets.SyncHubModelCommand'
        Test-Path $marker | Should -BeFalse
    }

    It 'refuses entries that try to escape the tool root, syncs the rest, and ends with HubModelSyncFailed' {
        $outside = Join-Path $TestDrive ([guid]::NewGuid())
        New-Item -ItemType Directory -Path (Join-Path $Target 'models') -Force | Out-Null
        New-Item -ItemType Directory -Path $outside | Out-Null
        New-Item -ItemType SymbolicLink -Path (Join-Path $Target 'models/linked') -Target $outside | Out-Null
        $escape = Get-Content -Raw $Json | ConvertFrom-Json
        $template = $escape.files[0]
        $escape.files = @(
            $escape.files
            foreach ($path in '../escaped.safetensors', "$outside/absolute.safetensors", 'models/linked/through-link.safetensors', 'models/loras/..\..\..\back.safetensors') {
                $bad = $template.PSObject.Copy()
                $bad.path = $path
                $bad
            }
        )
        $manifest = Join-Path $TestDrive 'escape.json'
        Write-Manifest $manifest $escape

        $errors = $null
        $failure = $null
        try {
            Sync-HubModel -Manifest $manifest -Tool ComfyUI -ToolRoot $Target -OutVariable items -ErrorVariable errors -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null
        }
        catch {
            $failure = $_
        }
        $failure.FullyQualifiedErrorId | Should -Be 'HubModelSyncFailed,ModelHub.PowerShell.Cmdlets.SyncHubModelCommand'
        $items[-1].Installed | Should -Be 2
        $items[-1].Failed | Should -Be 4
        @($errors | Where-Object { $_.FullyQualifiedErrorId -like 'TargetOutsideToolRoot,*' }).Count | Should -Be 4
        @(Get-ChildItem -LiteralPath $outside -Force).Count | Should -Be 0
        Test-Path (Join-Path (Split-Path $Target) 'escaped.safetensors') | Should -BeFalse

        $script = Join-Path $TestDrive 'sync.ps1'
        Set-Content $script @"
`$ErrorActionPreference = 'Stop'
`$env:MODELHUB_CIVITAI_ENDPOINT = '$($env:MODELHUB_CIVITAI_ENDPOINT)'; `$env:MODELHUB_HF_ENDPOINT = '$($env:MODELHUB_HF_ENDPOINT)'; `$env:MODELHUB_HOME = '$($env:MODELHUB_HOME)'
Import-Module '$ModulePath'
Sync-HubModel -Manifest '$manifest' -Tool ComfyUI -ToolRoot '$Target'
"@
        & ([Environment]::ProcessPath) (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $script *> $null
        $LASTEXITCODE | Should -Not -Be 0
    }

    It 'shows the download cache MODELHUB_CACHE names in Get-HubConfiguration, and Install-HubModel -CachePath takes files from it' {
        $cache = Join-Path $TestDrive ([guid]::NewGuid()) 'cache'
        $env:MODELHUB_CACHE = $cache
        try {
            (Get-HubConfiguration).CachePath | Should -Be $cache
        }
        finally {
            $env:MODELHUB_CACHE = $null
        }
        (Get-HubConfiguration).CachePath | Should -BeNullOrEmpty

        $first = Install-HubModel hf:modelhub-emulator/example-lora -Path (Join-Path $Target 'one') -CachePath $cache -WarningAction SilentlyContinue
        Reset-HubEmulator
        $second = Save-HubModel hf:modelhub-emulator/example-lora -Path (Join-Path $Target 'two') -CachePath $cache
        $first.FromCache | Should -BeFalse
        $second.FromCache | Should -BeTrue
        $second.Sha256 | Should -Be $first.Sha256
        @(Get-CdnFileRequest).Count | Should -Be 0
        Join-Path $cache $first.Sha256.Substring(0, 2) $first.Sha256 | Should -Exist
    }

    It 'syncs five roots at once through one cache: each file crosses the network once, every root bit-identical' {
        $cache = Join-Path $TestDrive ([guid]::NewGuid()) 'cache'
        $roots = 1..5 | ForEach-Object { Join-Path $TestDrive ([guid]::NewGuid()) "ComfyUI$_" }
        $processes = foreach ($root in $roots) {
            $command = @"
`$env:MODELHUB_CIVITAI_ENDPOINT = '$($env:MODELHUB_CIVITAI_ENDPOINT)'; `$env:MODELHUB_HF_ENDPOINT = '$($env:MODELHUB_HF_ENDPOINT)'; `$env:MODELHUB_HOME = '$($env:MODELHUB_HOME)'
`$env:MODELHUB_CACHE = '$cache'
Import-Module '$ModulePath'
`$summary = Sync-HubModel -Manifest '$Json' -Tool ComfyUI -ToolRoot '$root' -WarningAction SilentlyContinue | Select-Object -Last 1
exit `$summary.Installed
"@
            $start = [Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
            foreach ($argument in (Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-Command', $command) { $start.ArgumentList.Add($argument) }
            $start.RedirectStandardOutput = $true
            $start.RedirectStandardError = $true
            [Diagnostics.Process]::Start($start)
        }
        foreach ($process in $processes) {
            $process.WaitForExit(120000) | Should -BeTrue
            $process.ExitCode | Should -Be 2 -Because ($process.StandardError.ReadToEnd())
        }

        # Previews come from the CDN too, once per root: only the models' own files count.
        foreach ($entry in $Manifest.files) {
            $downloads = @(Get-CdnFileRequest | Where-Object { $_.path.EndsWith('/' + $entry.hubFileName) })
            $downloads.Count | Should -Be 1 -Because "$($entry.path) is downloaded once in total"
            $downloads[0].bytes | Should -Be $entry.size
        }
        foreach ($root in $roots) {
            (Get-ModelFileHash $root $Manifest.files).Sha256 | Should -Be $Manifest.files.sha256
        }
        foreach ($entry in $Manifest.files) {
            Join-Path $cache $entry.sha256.Substring(0, 2) $entry.sha256 | Should -Exist
        }
    }
}
