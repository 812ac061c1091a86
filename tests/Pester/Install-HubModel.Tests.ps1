BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $script:Install = 'ModelHub.PowerShell.Cmdlets.InstallHubModelCommand'
    $script:Save = 'ModelHub.PowerShell.Cmdlets.SaveHubModelCommand'

    function Get-ModelFileTree([string] $Root) {
        # Every file under a folder, staging included, as relative paths: what a test says must (not) be there.
        if (-not (Test-Path $Root)) { return @() }
        Get-ChildItem -LiteralPath $Root -Recurse -File -Force | ForEach-Object { [IO.Path]::GetRelativePath($Root, $_.FullName).Replace('\', '/') } | Sort-Object
    }

    function Get-PlacedModelFile([string] $Root) {
        # Files a tool would load: everything outside the staging folders.
        Get-ModelFileTree $Root | Where-Object { $_ -notmatch '(^|/)\.modelhub-staging/' }
    }

    function Get-CdnBytes {
        # Body bytes the CDN sent since the last reset.
        (Get-EmulatorRequest Cdn | Where-Object path -like '/files/*' | Measure-Object bytes -Sum).Sum
    }

    # The models these tests install, found the way a user finds them (the catalogue is generated).
    $saved = Enter-EmulatorTest
    try {
        $script:Lora = Find-HubModel -Hub Civitai -Type LoRA -First 20 | Where-Object { -not $_.Nsfw } | Select-Object -First 1
        $checkpoints = Find-HubModel -Hub Civitai -Type Checkpoint -First 100 | Where-Object { -not $_.Nsfw -and -not $_.Poi }
        $files = $checkpoints | ForEach-Object { Get-HubModelFile -Id $_.Id -Hub Civitai } 
        # The largest primary safetensors file below the benchmark size: big enough to be interrupted mid-body.
        $script:BigFile = $files | Where-Object { $_.Primary -and $_.Format -eq 'SafeTensor' -and $_.Size -lt 100MB } | Sort-Object Size -Descending | Select-Object -First 1
        $script:PickleFile = $files | Where-Object Format -eq 'PickleTensor' | Select-Object -First 1
    }
    finally {
        Restore-ModelHubEnvironment $saved
    }
}

Describe 'Install-HubModel' {
    BeforeEach {
        $script:Saved = Enter-EmulatorTest
        $script:Root = Join-Path $TestDrive ([guid]::NewGuid())
        $script:ComfyUI = Join-Path $Root 'ComfyUI'
        Reset-HubEmulator
    }

    AfterEach {
        Disconnect-Hub Civitai
        Restore-ModelHubEnvironment $Saved
    }

    Context 'placement and sidecars' {
        It 'installs a Civitai LoRA into ComfyUI''s loras folder, verified, with every sidecar' {
            $result = Install-HubModel $Lora.Id -Hub Civitai -Tool ComfyUI -ToolRoot $ComfyUI

            $result.PSTypeNames[0] | Should -Be 'ModelHub.InstallResult'
            $result.Hub | Should -Be 'Civitai'
            $result.Id | Should -Be $Lora.Id
            $result.VersionId | Should -Be $Lora.LatestVersion.VersionId
            $result.Path | Should -Be (Join-Path $ComfyUI 'models/loras' $result.FileName)
            $result.Verified | Should -BeTrue
            $result.Skipped | Should -BeFalse
            $result.Sha256 | Should -Be (Get-FileHash $result.Path -Algorithm SHA256).Hash.ToLowerInvariant()
            $hubFile = Get-HubModelFile -Id $Lora.Id -Hub Civitai | Where-Object Primary
            $result.Sha256 | Should -Be $hubFile.Sha256
            $result.Size | Should -Be $hubFile.Size
            $result.Rule | Should -Match 'ComfyUI'

            $base = [IO.Path]::ChangeExtension($result.Path, $null).TrimEnd('.')
            $info = Get-Content -Raw "$base.civitai.info" | ConvertFrom-Json
            $info.id | Should -Be $result.VersionId
            $a1111 = Get-Content -Raw "$base.json" | ConvertFrom-Json
            $a1111.modelId | Should -Be $Lora.Id
            $a1111.sha256 | Should -Be $result.Sha256
            $record = Get-Content -Raw "$base.modelhub.json" | ConvertFrom-Json
            $record.hub | Should -Be 'Civitai'
            $record.modelId | Should -Be $Lora.Id
            $record.versionId | Should -Be $result.VersionId
            $record.sha256 | Should -Be $result.Sha256
            $record.tool | Should -Be 'ComfyUI'
            $record.rule | Should -Be $result.Rule
            @(Get-ChildItem "$base.preview.*").Count | Should -Be 1
            Test-Path (Join-Path $ComfyUI 'models/loras/.modelhub-staging') | Should -BeFalse
        }

        It 'places a checkpoint in A1111''s Stable-diffusion folder, and by the stored tool when none is given' {
            Set-HubConfiguration -Tool A1111 -ToolRoot (Join-Path $Root 'webui')
            $result = Install-HubModel $BigFile.ModelId -Hub Civitai

            $result.Path | Should -Be (Join-Path $Root 'webui/models/Stable-diffusion' $BigFile.Name)
            $result.Tool | Should -Be 'A1111'
        }

        It 'installs a generic Hugging Face LoRA name under the repository''s name, keeping the original in the record' {
            $result = Install-HubModel hf:modelhub-emulator/example-lora -Tool ComfyUI -ToolRoot $ComfyUI

            $result.FileName | Should -Be 'example-lora.safetensors'
            $result.Path | Should -Be (Join-Path $ComfyUI 'models/loras/example-lora.safetensors')
            $result.Verified | Should -BeTrue
            $record = Get-Content -Raw (Join-Path $ComfyUI 'models/loras/example-lora.modelhub.json') | ConvertFrom-Json
            $record.originalFileName | Should -Be 'pytorch_lora_weights.safetensors'
            $record.hub | Should -Be 'HuggingFace'
            Test-Path (Join-Path $ComfyUI 'models/loras/example-lora.civitai.info') | Should -BeFalse
        }

        It 'installs a diffusers pipeline as one folder keeping the repository''s paths' {
            $results = @(Install-HubModel hf:modelhub-emulator/example-pipeline -Tool ComfyUI -ToolRoot $ComfyUI)

            $folder = Join-Path $ComfyUI 'models/diffusers/example-pipeline'
            $tree = Get-ModelFileTree $folder
            $tree | Should -Contain 'model_index.json'
            $tree | Should -Contain 'unet/diffusion_pytorch_model.safetensors'
            $tree | Should -Contain 'vae/config.json'
            $results.Count | Should -Be $tree.Count
            $results | ForEach-Object { $_.Sha256 | Should -Be (Get-FileHash $_.Path -Algorithm SHA256).Hash.ToLowerInvariant() }
            Test-Path "$folder.modelhub.json" | Should -BeTrue
            Get-ModelFileTree (Join-Path $ComfyUI 'models/diffusers') | Should -Not -Match '\.modelhub-staging'
        }

        It 'chooses files with -Include and -Exclude' {
            $results = @(Install-HubModel hf:modelhub-emulator/example-pipeline -Path $Root -Include 'vae/**' -Exclude '**/*.json')

            $results.FileName | Should -Be @('vae/diffusion_pytorch_model.safetensors')
        }

        It 'honours extra_model_paths.yaml: the is_default section decides where to write, as ComfyUI does' {
            $shared = Join-Path $Root 'shared-models'
            $null = New-Item -ItemType Directory -Force $ComfyUI
            @"
comfyui:
  base_path: $shared
  is_default: true
  loras: |
    my-loras
    other-loras
  checkpoints: checkpoints
"@ | Set-Content (Join-Path $ComfyUI 'extra_model_paths.yaml')

            $result = Install-HubModel $Lora.Id -Hub Civitai -Tool ComfyUI -ToolRoot $ComfyUI

            # ComfyUI puts each is_default line first in turn, so the last line becomes its default folder.
            $result.Path | Should -Be (Join-Path $shared 'other-loras' $result.FileName)
            $result.Rule | Should -Match 'extra_model_paths.yaml'
        }

        It 'installs into a plain folder with -Path, sidecars included; Save-HubModel writes the file alone' {
            $installed = Install-HubModel $Lora.Id -Hub Civitai -Path (Join-Path $Root 'plain')
            $savedFile = Save-HubModel $Lora.Id -Hub Civitai -Path (Join-Path $Root 'saved')

            $installed.Path | Should -Be (Join-Path $Root 'plain' $installed.FileName)
            Get-PlacedModelFile (Join-Path $Root 'plain') | Should -Contain ($installed.FileName -replace '\.safetensors$', '.modelhub.json')
            $savedFile.PSTypeNames[0] | Should -Be 'ModelHub.InstallResult'
            Get-ModelFileTree (Join-Path $Root 'saved') | Should -Be @($savedFile.FileName)
            $savedFile.Sha256 | Should -Be $installed.Sha256
        }

        It 'takes models, versions and files from the pipeline' {
            $file = Get-HubModelFile hf:modelhub-emulator/example-pipeline | Where-Object Path -eq 'vae/config.json'
            $fromFile = $file | Save-HubModel -Path $Root
            $fromModel = Get-HubModel $Lora.Id -Hub Civitai | Save-HubModel -Path $Root
            $fromRow = [pscustomobject]@{ Hub = 'Civitai'; ModelId = $Lora.Id; VersionId = $Lora.LatestVersion.VersionId } | Save-HubModel -Path $Root

            $fromFile.FileName | Should -Be 'config.json'
            $fromFile.Verified | Should -BeTrue
            $fromModel.Id | Should -Be $Lora.Id
            $fromRow.Skipped | Should -BeTrue
        }

        It 'does not download a file already in place, and downloads it again with -Force' {
            $first = Install-HubModel $Lora.Id -Hub Civitai -Tool ComfyUI -ToolRoot $ComfyUI
            Reset-HubEmulator
            $second = Install-HubModel $Lora.Id -Hub Civitai -Tool ComfyUI -ToolRoot $ComfyUI

            $second.Skipped | Should -BeTrue
            $second.Sha256 | Should -Be $first.Sha256
            Get-CdnBytes | Should -BeNullOrEmpty

            $forced = Install-HubModel $Lora.Id -Hub Civitai -Tool ComfyUI -ToolRoot $ComfyUI -Force
            $forced.Skipped | Should -BeFalse
            Get-CdnBytes | Should -Be $first.Size
        }

        It '-WhatIf prints each file, its size, destination and rule, and changes nothing' {
            $transcript = Join-Path $TestDrive 'whatif.txt'
            Start-Transcript -Path $transcript
            $output = Install-HubModel $Lora.Id -Hub Civitai -Tool ComfyUI -ToolRoot $ComfyUI -WhatIf
            Stop-Transcript

            $output | Should -BeNullOrEmpty
            Test-Path $Root | Should -BeFalse
            Get-CdnBytes | Should -BeNullOrEmpty
            $text = Get-Content -Raw $transcript
            $text | Should -Match ([regex]::Escape((Join-Path $ComfyUI 'models/loras')))
            $text | Should -Match 'ComfyUI'
            $text | Should -Match '\d+(\.\d+)? (KB|MB)'
        }

        It 'refuses a pickle file unless -AllowPickle, naming the scan results' {
            $null = Install-HubModel $PickleFile.ModelId -Hub Civitai -VersionId $PickleFile.VersionId -Format PickleTensor -Path $Root -ErrorVariable problems -ErrorAction SilentlyContinue

            $problems[0].FullyQualifiedErrorId | Should -Be "PickleFormatRefused,$Install"
            $problems[0].ToString() | Should -Match 'scan'
            Get-ModelFileTree $Root | Should -BeNullOrEmpty

            $allowed = Install-HubModel $PickleFile.ModelId -Hub Civitai -VersionId $PickleFile.VersionId -Format PickleTensor -Path $Root -AllowPickle
            $allowed.FileName | Should -Be $PickleFile.Name
        }

        It 'installs several models at once with -ThrottleLimit' {
            $models = @(Find-HubModel -Hub Civitai -Type LoRA -First 4 | Where-Object { -not $_.Nsfw })
            $results = @($models | Install-HubModel -Path $Root -ThrottleLimit 4)

            $results.Count | Should -Be $models.Count
            $results | ForEach-Object { $_.Verified | Should -BeTrue }
        }
    }

    Context 'faults' {
        BeforeEach {
            $env:MODELHUB_READ_IDLE_TIMEOUT = '1'
        }

        It 'resumes a dropped connection where it stopped' {
            Add-EmulatorFault Cdn @{ path = '/files/*'; dropAfterBytes = 3000000; times = 2 }
            $result = Install-HubModel $BigFile.ModelId -Hub Civitai -Path $Root

            $result.Verified | Should -BeTrue
            $result.Sha256 | Should -Be $BigFile.Sha256
            $requests = @(Get-EmulatorRequest Cdn | Where-Object path -like '/files/*')
            $requests.Count | Should -BeGreaterThan 2
            @($requests | Where-Object range -match '^bytes=[1-9]').Count | Should -BeGreaterThan 1
            # Resumed, not restarted: the CDN sent the file once, plus at most a little twice.
            Get-CdnBytes | Should -BeLessThan ($BigFile.Size * 1.1)
        }

        It 'gives up on a stalled body after the read-idle timeout and asks again' {
            Add-EmulatorFault Cdn @{ path = '/files/*'; stallMs = 5000; times = 1 }
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $result = Install-HubModel $Lora.Id -Hub Civitai -Path $Root

            $result.Verified | Should -BeTrue
            $watch.Elapsed.TotalSeconds | Should -BeLessThan 4.5
            @(Get-EmulatorRequest Cdn | Where-Object path -like '/files/*').Count | Should -Be 2
        }

        It 'restarts cleanly when the CDN ignores Range' {
            Add-EmulatorFault Cdn @{ path = '/files/*'; dropAfterBytes = 3000000; times = 1 }
            Add-EmulatorFault Cdn @{ path = '/files/*'; ignoreRange = $true; times = 1 }
            $result = Install-HubModel $BigFile.ModelId -Hub Civitai -Path $Root -MaxConnections 1

            $result.Sha256 | Should -Be $BigFile.Sha256
            (Get-FileHash $result.Path -Algorithm SHA256).Hash | Should -Be $BigFile.Sha256.ToUpperInvariant()
        }

        It 'waits as asked on 429 and through a 503 burst' {
            Add-EmulatorFault Civitai @{ path = '/api/download/models/*'; status = @(429); retryAfter = 1 }
            Add-EmulatorFault Cdn @{ path = '/files/*'; status = @(503, 503); times = 2 }
            $env:MODELHUB_MAX_RETRIES = '3'
            $result = Install-HubModel $Lora.Id -Hub Civitai -Path $Root

            $result.Verified | Should -BeTrue
        }

        It 'leaves nothing in the target folder when a byte is corrupted, and says which hashes differ' {
            Add-EmulatorFault Cdn @{ path = '/files/*'; corruptAtOffset = 1000 }
            $null = Install-HubModel $Lora.Id -Hub Civitai -Tool ComfyUI -ToolRoot $ComfyUI -ErrorVariable problems -ErrorAction SilentlyContinue

            $problems[0].FullyQualifiedErrorId | Should -Be "FileHashMismatch,$Install"
            $problems[0].ToString() | Should -Match ((Get-HubModelFile -Id $Lora.Id -Hub Civitai | Where-Object Primary).Sha256)
            Get-ModelFileTree $ComfyUI | Should -BeNullOrEmpty
        }

        It 'refuses <Name> before writing a byte' -ForEach @(
            @{ Name = 'an HTML page'; Rule = @{ path = '/files/*'; html = $true }; Id = 'UnexpectedDownloadContent' }
            @{ Name = 'a wrong Content-Length'; Rule = @{ path = '/files/*'; wrongContentLength = $true; times = 10 }; Id = 'FileSizeMismatch' }
        ) {
            Add-EmulatorFault Cdn $Rule
            $null = Install-HubModel $Lora.Id -Hub Civitai -Tool ComfyUI -ToolRoot $ComfyUI -ErrorVariable problems -ErrorAction SilentlyContinue

            $problems[0].FullyQualifiedErrorId | Should -Be "$Id,$Install"
            Get-PlacedModelFile $ComfyUI | Should -BeNullOrEmpty
        }

        It 'reports <Name> from the API as <ErrorId>, writing nothing' -ForEach @(
            @{ Name = 'truncated JSON'; Rule = @{ path = '/api/v1/models/*'; truncateJson = $true; times = 10 }; ErrorId = 'InvalidHubResponse' }
            @{ Name = 'an HTML page'; Rule = @{ path = '/api/v1/models/*'; html = $true; times = 10 }; ErrorId = 'HubUnavailable' }
        ) {
            Add-EmulatorFault Civitai $Rule
            $null = Install-HubModel $Lora.Id -Hub Civitai -Path $Root -ErrorVariable problems -ErrorAction SilentlyContinue

            $problems[0].FullyQualifiedErrorId | Should -Be "$ErrorId,$Install"
            Test-Path $Root | Should -BeFalse
        }

        It 'refuses a file that cannot fit on the disk before downloading anything' {
            $null = Install-HubModel 900006 -Hub Civitai -Path $Root -ErrorVariable problems -ErrorAction SilentlyContinue

            $problems[0].FullyQualifiedErrorId | Should -Be "InsufficientDiskSpace,$Install"
            $problems[0].ToString() | Should -Match ([regex]::Escape($Root))
            Get-CdnBytes | Should -BeNullOrEmpty
            Get-PlacedModelFile $Root | Should -BeNullOrEmpty
        }
    }

    Context 'signed download addresses that expire' {
        BeforeAll {
            Import-Module (Join-Path $PSScriptRoot 'HubEmulator.psm1')
            $script:ShortLived = Start-HubEmulator -ArgumentList '--signed-url-ttl', '1', '--quiet'
        }

        AfterAll {
            $ShortLived | Stop-HubEmulator
        }

        It 'asks the hub for a fresh address when the connection drops after the first one expired' {
            $env:MODELHUB_CIVITAI_ENDPOINT = $ShortLived.Civitai
            # Every response is slow and drops after 6 MB, so each resume comes after the last address expired.
            Add-EmulatorFault Cdn @{ path = '/files/*'; throttleBytesPerSecond = 4000000; dropAfterBytes = 6000000 } -Target $ShortLived

            $result = Install-HubModel $BigFile.ModelId -Hub Civitai -Path $Root -MaxConnections 1

            $result.Sha256 | Should -Be $BigFile.Sha256
            $result.Resumed | Should -BeTrue
            @(Get-EmulatorRequest Civitai -Target $ShortLived | Where-Object path -like '/api/download/*').Count | Should -BeGreaterThan 1
        }
    }

    Context 'access' {
        It 'tells <Name> apart' -ForEach @(
            @{ Name = 'login required'; Id = '900002'; Token = $null; ErrorId = 'HubAuthenticationRequired' }
            @{ Name = 'an expired key'; Id = '900002'; Token = 'civitai-emulator-expired'; ErrorId = 'HubTokenInvalid' }
            @{ Name = 'early access'; Id = '900003'; Token = 'civitai-emulator-noaccess'; ErrorId = 'EarlyAccessRequired' }
            @{ Name = 'downloads disabled'; Id = '900004'; Token = $null; ErrorId = 'DownloadDisabled' }
            @{ Name = 'an archived model'; Id = '900005'; Token = $null; ErrorId = 'HubModelArchived' }
        ) {
            $env:CIVITAI_API_TOKEN = $Token
            $null = Install-HubModel $Id -Hub Civitai -Path $Root -ErrorVariable problems -ErrorAction SilentlyContinue

            $problems.Count | Should -Be 1
            $problems[0].FullyQualifiedErrorId | Should -Be "$ErrorId,$Install"
            Get-PlacedModelFile $Root | Should -BeNullOrEmpty
        }

        It 'names the date an early-access version opens' {
            $null = Install-HubModel 900003 -Hub Civitai -Path $Root -ErrorVariable problems -ErrorAction SilentlyContinue

            $problems[0].FullyQualifiedErrorId | Should -Be "EarlyAccessRequired,$Install"
            $problems[0].ToString() | Should -Match '\d{4}-\d{2}-\d{2}'
        }

        It 'names the page where access to a gated repository is requested' {
            $null = Install-HubModel hf:modelhub-emulator/gated-auto-checkpoint -Path $Root -ErrorVariable problems -ErrorAction SilentlyContinue

            $problems[0].FullyQualifiedErrorId | Should -Match '^(GatedModelAccessDenied|HubAuthenticationRequired),'
            "$($problems[0]) $($problems[0].ErrorDetails.RecommendedAction)" | Should -Match 'gated-auto-checkpoint'
        }

        It 'sends the token to Civitai only, never to the CDN, and writes it nowhere' {
            $env:CIVITAI_API_TOKEN = 'civitai-emulator-valid'
            $result = Install-HubModel 900002 -Hub Civitai -Tool ComfyUI -ToolRoot $ComfyUI -Verbose -Debug 4>&1 5>&1 3>&1 2>&1 6>&1 |
                Tee-Object -Variable everything | Where-Object { $_.PSTypeNames -contains 'ModelHub.InstallResult' }

            $result.Verified | Should -BeTrue
            (Get-EmulatorRequest Civitai | Where-Object path -like '/api/download/*').authorization | Should -Contain $true
            Get-EmulatorRequest Cdn | ForEach-Object {
                $_.authorization | Should -BeFalse
                $_.tokenQuery | Should -BeFalse
            }
            ($everything | Out-String) | Should -Not -Match 'civitai-emulator-valid'
            Get-ChildItem -Recurse -File -Force $ComfyUI | ForEach-Object {
                $text = [IO.File]::ReadAllText($_.FullName)
                $text | Should -Not -Match 'civitai-emulator-valid' -Because $_.Name
                $text | Should -Not -Match 'token=' -Because $_.Name
                $text | Should -Not -Match 'X-Amz-Signature' -Because $_.Name
            }
        }
    }

    Context 'interrupted and concurrent installs' {
        BeforeAll {
            function Start-Install([string] $Arguments, [string] $Output) {
                # Install-HubModel in a process of its own (children inherit this test's environment).
                $script = "Import-Module '$ModulePath'; Install-HubModel $Arguments | ConvertTo-Json -Compress"
                Start-Process ([Environment]::ProcessPath) -ArgumentList (Join-Path $PSHOME 'pwsh.dll'), '-NoProfile', '-NonInteractive', '-Command', $script -RedirectStandardOutput $Output -PassThru
            }
        }

        It 'resumes in a new process after the first one was killed, downloading at most a tenth again' {
            # A slow CDN, so the first process is killed mid-file.
            Add-EmulatorFault Cdn @{ path = '/files/*'; throttleBytesPerSecond = 3000000; times = 100 }
            $arguments = "$($BigFile.ModelId) -Hub Civitai -Path '$Root' -MaxConnections 2"
            $first = Start-Install $arguments (Join-Path $TestDrive 'killed.json')
            # The emulator logs a request once it ends, so the staging file shows when the download is under way.
            $staging = Join-Path $Root '.modelhub-staging'
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (-not (Test-Path $staging) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            Start-Sleep -Seconds 2
            $first.Kill($true)
            $first.WaitForExit()
            $before = Get-CdnBytes
            $before | Should -BeLessThan $BigFile.Size
            Reset-HubEmulator

            $result = Install-HubModel $BigFile.ModelId -Hub Civitai -Path $Root -MaxConnections 2

            $result.Resumed | Should -BeTrue
            $result.Sha256 | Should -Be $BigFile.Sha256
            $again = (Get-CdnBytes) - ($BigFile.Size - $before)
            $again | Should -BeLessOrEqual ($BigFile.Size * 0.1)
            Get-ModelFileTree $Root | Where-Object { $_ -match '\.partial$|\.modelhub-staging' } | Should -BeNullOrEmpty
        }

        It 'lets two processes install one file at once without corrupting it' {
            Add-EmulatorFault Cdn @{ path = '/files/*'; throttleBytesPerSecond = 20000000; times = 100 }
            $arguments = "$($BigFile.ModelId) -Hub Civitai -Path '$Root'"
            $processes = 1, 2 | ForEach-Object { Start-Install $arguments (Join-Path $TestDrive "concurrent-$_.json") }
            $processes | ForEach-Object { $_.WaitForExit() }
            $results = 1, 2 | ForEach-Object { Get-Content -Raw (Join-Path $TestDrive "concurrent-$_.json") | ConvertFrom-Json }

            $processes.ExitCode | Should -Be @(0, 0)
            $results.Count | Should -Be 2
            $results | ForEach-Object { $_.Sha256 | Should -Be $BigFile.Sha256 }
            @($results | Where-Object Skipped).Count | Should -Be 1
            (Get-FileHash (Join-Path $Root $BigFile.Name) -Algorithm SHA256).Hash | Should -Be $BigFile.Sha256.ToUpperInvariant()
            Get-CdnBytes | Should -BeLessThan ($BigFile.Size * 1.5)
        }
    }
}
