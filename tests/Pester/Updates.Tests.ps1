BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $script:Check = 'ModelHub.PowerShell.Cmdlets.GetHubModelUpdateCommand'
    $script:Pin = 'ModelHub.PowerShell.Cmdlets.SetHubModelPinCommand'
    $script:Uninstall = 'ModelHub.PowerShell.Cmdlets.UninstallHubModelCommand'

    function Get-FileTree([string] $Root) {
        # Every file under a folder with its SHA-256: what must not change.
        if (-not (Test-Path $Root)) { return @() }
        Get-ChildItem -LiteralPath $Root -Recurse -File -Force | Sort-Object FullName | ForEach-Object { "$([IO.Path]::GetRelativePath($Root, $_.FullName)) $((Get-FileHash -LiteralPath $_.FullName).Hash)" }
    }

    function Get-SafetensorsFile([string] $Id, [string] $VersionId) {
        # A version's safetensors file, its primary first: what these tests install (no pickle).
        Get-HubModelFile -Id $Id -Hub Civitai -VersionId $VersionId | Where-Object Format -eq 'SafeTensor' | Sort-Object { -not $_.Primary } | Select-Object -First 1
    }

    function Install-Version([psobject] $Model, [string] $VersionId, [hashtable] $Where, [string] $FileName) {
        # One file of a Civitai version, installed like a user would (records and sidecars written).
        if (-not $FileName) { $FileName = (Get-SafetensorsFile $Model.Id $VersionId).Name }
        # Companion warnings (a Flux.1 checkpoint's text encoders) are not what these tests are about.
        Install-HubModel -Id $Model.Id -Hub Civitai -VersionId $VersionId -FileName $FileName @Where -WarningAction SilentlyContinue
    }

    function Get-Key([psobject] $Update) { "$($Update.Hub):$($Update.Id)" }

    # The models of the ground-truth library, found the way a user finds them (the catalogue is generated).
    $saved = Enter-EmulatorTest
    try {
        $now = [DateTimeOffset]::UtcNow
        $checkpoints = Find-HubModel -Hub Civitai -Type Checkpoint -First 400 | Where-Object { -not $_.Nsfw -and -not $_.Poi }
        $script:EarlyAccess = $checkpoints | Where-Object { $_.Versions.Count -ge 2 -and $_.Versions[0].EarlyAccessEndsAt -gt $now -and -not $_.Versions[1].EarlyAccessEndsAt } | Select-Object -First 1
        $public = @($checkpoints | Where-Object { $_.Versions.Count -ge 3 -and -not ($_.Versions | Where-Object EarlyAccessEndsAt) })
        # A model whose newest version has a safetensors file besides its primary one: the variant a user may take instead.
        $script:Variant = $public | Where-Object { Get-HubModelFile -Id $_.Id -Hub Civitai | Where-Object { -not $_.Primary -and $_.Format -eq 'SafeTensor' } } | Select-Object -First 1
        $others = @($public | Where-Object Id -ne $Variant.Id)
        $script:InTwoRoots, $script:Pinned, $script:Excluded, $script:Outdated = $others[0..3]

        $loras = Find-HubModel -Hub HuggingFace -Type LoRA -First 60
        # A repository whose newest commit changed only its README, and one whose newest commit changed its weights.
        $script:ReadmeOnly = $loras | Where-Object { $_.Id -notlike 'modelhub-emulator/*' } |
            Where-Object { @(Get-HubModelFile -Id $_.Id -Hub HuggingFace | Where-Object Path -like '*.safetensors').Count -eq 1 } |
            Where-Object { @(Get-HubModelVersion -Id $_.Id -Hub HuggingFace -All)[0].Name -eq 'Update README.md' } | Select-Object -First 1
        $script:ReadmeOnlyCommits = @(Get-HubModelVersion -Id $ReadmeOnly.Id -Hub HuggingFace -All)
        $script:WeightsChangedCommits = @(Get-HubModelVersion -Id 'modelhub-emulator/example-lora' -Hub HuggingFace -All)
    }
    finally {
        Restore-ModelHubEnvironment $saved
    }
}

Describe 'Get-HubModelUpdate' {
    BeforeAll {
        $script:Saved = Enter-EmulatorTest
        $script:Root = Join-Path $TestDrive ([guid]::NewGuid())
        $script:ComfyUI = Join-Path $Root 'ComfyUI'
        $script:Other = Join-Path $Root 'other'
        $comfy = @{ Tool = 'ComfyUI'; ToolRoot = $ComfyUI }
        $plain = @{ Path = $Other }

        # The ground truth: what is installed where, and what must (not) be reported.
        $null = Install-Version $InTwoRoots $InTwoRoots.Versions[1].VersionId $comfy
        $null = Install-Version $InTwoRoots $InTwoRoots.Versions[0].VersionId $plain
        $script:PinnedCopy = Install-Version $Pinned $Pinned.Versions[1].VersionId $comfy
        Set-HubModelPin -Path $PinnedCopy.Path
        $null = Install-Version $Excluded $Excluded.Versions[1].VersionId $comfy
        $null = Install-Version $EarlyAccess $EarlyAccess.Versions[1].VersionId $comfy
        $variantFile = Get-HubModelFile -Id $Variant.Id -Hub Civitai | Where-Object { -not $_.Primary -and $_.Format -eq 'SafeTensor' } | Select-Object -First 1
        $null = Install-Version $Variant $Variant.Versions[0].VersionId $plain -FileName $variantFile.Name
        $null = Install-Version $Outdated $Outdated.Versions[1].VersionId $comfy
        $null = Install-HubModel -Id $ReadmeOnly.Id -Hub HuggingFace -VersionId $ReadmeOnlyCommits[1].VersionId @comfy
        $null = Install-HubModel -Id 'modelhub-emulator/example-lora' -Hub HuggingFace -VersionId $WeightsChangedCommits[1].VersionId @plain

        $script:Expected = @("Civitai:$($Outdated.Id)", 'HuggingFace:modelhub-emulator/example-lora')
        $script:Exclude = @($Excluded.Versions[0].VersionId)
    }

    AfterAll {
        Restore-ModelHubEnvironment $Saved
    }

    It 'has a library that tests what it claims to' {
        # The README-only commit left the weights as they were; example-lora's newest commit changed them.
        $weights = { param($Id, $Commit) Get-HubModelFile -Id $Id -Hub HuggingFace -VersionId $Commit | Where-Object Path -like '*.safetensors' | Select-Object -ExpandProperty Sha256 }
        & $weights $ReadmeOnly.Id $ReadmeOnlyCommits[0].VersionId | Should -Be (& $weights $ReadmeOnly.Id $ReadmeOnlyCommits[1].VersionId)
        & $weights 'modelhub-emulator/example-lora' $WeightsChangedCommits[0].VersionId | Should -Not -Be (& $weights 'modelhub-emulator/example-lora' $WeightsChangedCommits[1].VersionId)
        $Variant.Versions[0].VersionId | Should -Be (Get-HubModel -Id $Variant.Id -Hub Civitai).LatestVersion.VersionId

        $installed = Get-InstalledHubModel -Tool ComfyUI -ToolRoot $ComfyUI -Path $Other
        $installed.Count | Should -Be 9
        ($installed | Where-Object Pinned).Path | Should -Be $PinnedCopy.Path
        $installed | Where-Object IdentifiedBy -ne 'ModelHubRecord' | Should -BeNullOrEmpty
    }

    It 'reports exactly the outdated models: 0 false positives, 0 false negatives' {
        $updates = Get-HubModelUpdate -Tool ComfyUI -ToolRoot $ComfyUI -Path $Other -Exclude $Exclude -WarningVariable warnings

        @($updates | ForEach-Object { Get-Key $_ } | Sort-Object) | Should -Be @($Expected | Sort-Object)
        $updates[0].PSTypeNames[0] | Should -Be 'ModelHub.ModelUpdate'
        $civitai = $updates | Where-Object Hub -eq 'Civitai'
        $civitai.VersionId | Should -Be $Outdated.Versions[0].VersionId
        $civitai.InstalledVersionIds | Should -Be @($Outdated.Versions[1].VersionId)
        $civitai.Installed.Path | Should -BeLike "$ComfyUI*"
        $civitai.Files.Format | Should -Be 'SafeTensor'
        $hf = $updates | Where-Object Hub -eq 'HuggingFace'
        $hf.VersionId | Should -Be $WeightsChangedCommits[0].VersionId
        $hf.Files.Path | Should -Be 'pytorch_lora_weights.safetensors'
    }

    It 'reports the early-access version only with -IncludeEarlyAccess' {
        $updates = Get-HubModelUpdate -Tool ComfyUI -ToolRoot $ComfyUI -Path $Other -Exclude $Exclude -IncludeEarlyAccess

        @($updates | ForEach-Object { Get-Key $_ } | Sort-Object) | Should -Be @(@($Expected) + "Civitai:$($EarlyAccess.Id)" | Sort-Object)
        ($updates | Where-Object Id -eq $EarlyAccess.Id).EarlyAccessEndsAt | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
    }

    It 'reports an excluded model once nothing excludes it, and checks piped installed models the same way' {
        $updates = Get-InstalledHubModel -Tool ComfyUI -ToolRoot $ComfyUI -Path $Other | Get-HubModelUpdate

        @($updates | ForEach-Object { Get-Key $_ } | Sort-Object) | Should -Be @(@($Expected) + "Civitai:$($Excluded.Id)" | Sort-Object)
    }

    It 'checks the models of one root alone without knowing the other''s copies' {
        # Without the plain folder, the copy of the newest version there is unknown: the ComfyUI copy is outdated.
        $updates = Get-HubModelUpdate -Tool ComfyUI -ToolRoot $ComfyUI -Exclude $Exclude

        $updates | ForEach-Object { Get-Key $_ } | Should -Contain "Civitai:$($InTwoRoots.Id)"
    }

    It 'reports a model the hub cannot answer for as an error and goes on with the others' {
        Reset-HubEmulator
        Add-EmulatorFault Civitai @{ path = "/api/v1/models/$($Outdated.Id)"; status = @(404); times = 10 }

        $updates = Get-HubModelUpdate -Tool ComfyUI -ToolRoot $ComfyUI -Path $Other -Exclude $Exclude -ErrorVariable problems -ErrorAction SilentlyContinue

        Reset-HubEmulator
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be "HubModelNotFound,$Check"
        $problems[0].TargetObject | Should -Be "Civitai:$($Outdated.Id)"
        $updates | ForEach-Object { Get-Key $_ } | Should -Be 'HuggingFace:modelhub-emulator/example-lora'
    }
}

Describe 'Update-HubModel, Uninstall-HubModel and Set-HubModelPin' {
    BeforeEach {
        $script:Saved = Enter-EmulatorTest
        $script:Folder = Join-Path $TestDrive ([guid]::NewGuid())
        Reset-HubEmulator
        $script:Old = Install-Version $Outdated $Outdated.Versions[1].VersionId @{ Path = $Folder }
        $script:OldBase = [IO.Path]::ChangeExtension($Old.Path, $null).TrimEnd('.')
        # A user's own file beside the model: nothing may remove it.
        Set-Content -LiteralPath "$OldBase.png" -Value 'my own preview'
    }

    AfterEach {
        Restore-ModelHubEnvironment $Saved
    }

    It 'shows the update with -WhatIf and changes nothing, downloading nothing' {
        $before = Get-FileTree $Folder
        Reset-HubEmulator

        $transcript = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -Path $transcript
        $output = Get-HubModelUpdate -Path $Folder | Update-HubModel -RemoveOld -WhatIf
        Stop-Transcript

        $output | Should -BeNullOrEmpty
        $text = Get-Content -Raw $transcript
        $text | Should -Match ([regex]::Escape("from $($Outdated.Versions[1].VersionId) to $($Outdated.Versions[0].VersionId)"))
        $text | Should -Match 'remove the old file'
        Get-FileTree $Folder | Should -Be $before
        Get-EmulatorRequest Cdn | Should -BeNullOrEmpty
    }

    It 'installs the new version beside the old one, then with -RemoveOld removes the old file and only ModelHub''s sidecars' {
        $results = Get-HubModelUpdate -Path $Folder | Update-HubModel -RemoveOld -Confirm:$false

        $results.PSTypeNames[0] | Should -Be 'ModelHub.InstallResult'
        $results.VersionId | Should -Be $Outdated.Versions[0].VersionId
        $results.Verified | Should -BeTrue
        Split-Path $results.Path | Should -Be $Folder
        $Old.Path | Should -Not -Exist
        "$OldBase.modelhub.json", "$OldBase.civitai.info", "$OldBase.json" | Should -Not -Exist
        "$OldBase.png" | Should -Exist
        Get-HubModelUpdate -Path $Folder | Should -BeNullOrEmpty
    }

    It 'keeps the old file name with -KeepFileName' {
        $results = Get-InstalledHubModel -Path $Folder | Update-HubModel -KeepFileName -RemoveOld -Confirm:$false

        $results.Path | Should -Be $Old.Path
        $results.Sha256 | Should -Not -Be $Old.Sha256
        (Get-FileHash -LiteralPath $Old.Path).Hash | Should -Be $results.Sha256
        (Get-InstalledHubModel -Path $Folder).VersionId | Should -Be $Outdated.Versions[0].VersionId
    }

    It 'pins and unpins in the record, and a pinned model is neither reported nor updated' {
        Get-InstalledHubModel -Path $Folder | Set-HubModelPin

        (Get-InstalledHubModel -Path $Folder).Pinned | Should -BeTrue
        Get-HubModelUpdate -Path $Folder | Should -BeNullOrEmpty
        Get-InstalledHubModel -Path $Folder | Update-HubModel -Confirm:$false | Should -BeNullOrEmpty
        $record = Get-Content -Raw "$OldBase.modelhub.json" | ConvertFrom-Json
        $record.pinned | Should -BeTrue
        $record.versionId | Should -Be $Outdated.Versions[1].VersionId

        Set-HubModelPin -Path $Old.Path -Unpin

        (Get-InstalledHubModel -Path $Folder).Pinned | Should -BeFalse
        (Get-HubModelUpdate -Path $Folder).Id | Should -Be $Outdated.Id
    }

    It 'refuses to pin a model without a record' {
        $loose = Join-Path $Folder 'loose.safetensors'
        Set-Content -LiteralPath $loose -Value 'weights'

        Set-HubModelPin -Path $loose -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -Be "InstallRecordNotFound,$Pin"
    }

    It 'uninstalls with -WhatIf without removing anything' {
        $before = Get-FileTree $Folder

        Get-InstalledHubModel -Path $Folder | Uninstall-HubModel -WhatIf

        Get-FileTree $Folder | Should -Be $before
    }

    It 'uninstalls the model and the sidecars ModelHub wrote, keeping the user''s files' {
        $result = Uninstall-HubModel -Path $Old.Path -Confirm:$false -PassThru

        $result.PSTypeNames[0] | Should -Be 'ModelHub.UninstallResult'
        $result.Removed | Should -Contain $Old.Path
        $result.Kept | Should -Be "$OldBase.png"
        @(Get-ChildItem -LiteralPath $Folder -File | ForEach-Object Name) | Should -Be @("$(Split-Path -Leaf $OldBase).png")
        Get-InstalledHubModel -Path $Folder | Should -BeNullOrEmpty
    }

    It 'takes an install''s result by its Path, and reports a path with nothing installed' {
        $Old | Uninstall-HubModel -Confirm:$false
        $Old.Path | Should -Not -Exist

        Uninstall-HubModel -Path $Old.Path -Confirm:$false -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -Be "InstalledModelNotFound,$Uninstall"
    }
}
