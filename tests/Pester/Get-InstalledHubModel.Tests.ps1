BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force

    function New-Safetensors([string] $Path, [hashtable] $Metadata = @{}, [int] $Size = 4096) {
        # A valid safetensors file: the header (one tensor and the metadata), then filler that differs per path.
        $header = @{ weight = @{ dtype = 'F16'; shape = @(1); data_offsets = @(0, 2) } }
        if ($Metadata.Count) { $header['__metadata__'] = $Metadata }
        $json = [Text.Encoding]::UTF8.GetBytes(($header | ConvertTo-Json -Compress -Depth 5))
        $bytes = [byte[]]::new([Math]::Max($Size, 8 + $json.Length + 2))
        [BitConverter]::GetBytes([long]$json.Length).CopyTo($bytes, 0)
        $json.CopyTo($bytes, 8)
        $seed = [Text.Encoding]::UTF8.GetBytes($Path)
        for ($i = 8 + $json.Length; $i -lt $bytes.Length; $i++) { $bytes[$i] = $seed[$i % $seed.Length] }
        $null = New-Item -ItemType Directory -Force (Split-Path -Parent $Path)
        [IO.File]::WriteAllBytes($Path, $bytes)
        $Path
    }

    function Get-ContentBytesRead([scriptblock] $Scan) {
        # The scan's own count of model bytes it read, from its last verbose line.
        $line = & $Scan 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match 'read (\d+) content bytes' } | Select-Object -Last 1
        [long]([regex]::Match($line.Message, 'read (\d+) content bytes').Groups[1].Value)
    }

    function Get-ByHashRequest { @(Get-EmulatorRequest Civitai | Where-Object { $_.method -eq 'POST' -and $_.path -eq '/api/v1/model-versions/by-hash' }) }

    $saved = Enter-EmulatorTest
    try {
        $script:Loras = @(Find-HubModel -Hub Civitai -Type LoRA -First 30 | Where-Object { -not $_.Nsfw } | Select-Object -First 3)
    }
    finally {
        Restore-ModelHubEnvironment $saved
    }
}

Describe 'Get-InstalledHubModel' {
    BeforeEach {
        $script:Saved = Enter-EmulatorTest
        $script:Root = Join-Path $TestDrive ([guid]::NewGuid())
        $script:ComfyUI = Join-Path $Root 'ComfyUI'
        $script:Plain = Join-Path $Root 'plain'
        Reset-HubEmulator
    }

    AfterEach {
        Restore-ModelHubEnvironment $Saved
    }

    It 'identifies every kind of model in mixed roots, asking Civitai once, in bulk, about the rest' {
        $installed = Install-HubModel $Loras[0].Id -Hub Civitai -Tool ComfyUI -ToolRoot $ComfyUI
        $savedFile = Save-HubModel $Loras[1].Id -Hub Civitai -Path $Plain
        $info = New-Safetensors (Join-Path $Plain 'helper.safetensors')
        Copy-Item ([IO.Path]::ChangeExtension($installed.Path, '.civitai.info')) (Join-Path $Plain 'helper.civitai.info')
        $a1111 = New-Safetensors (Join-Path $Plain 'browser.safetensors')
        Set-Content (Join-Path $Plain 'browser.json') '{"modelId": 4201, "modelVersionId": 130072, "sd version": "SD1"}'
        $matrix = New-Safetensors (Join-Path $Plain 'sm/matrix.safetensors')
        Set-Content (Join-Path $Plain 'sm/matrix.cm-info.json') '{"ModelId": 55, "VersionId": 66, "ModelName": "Matrix", "ModelType": "LORA", "BaseModel": "SDXL 1.0"}'
        $kohya = New-Safetensors (Join-Path $Plain 'trained.safetensors') @{ ss_network_module = 'networks.lora'; ss_base_model_version = 'sdxl_base_v1-0' }
        $null = New-Safetensors (Join-Path $Plain '.modelhub-staging/partial.safetensors')
        Reset-HubEmulator

        $models = Get-InstalledHubModel -Tool ComfyUI -ToolRoot $ComfyUI -Path $Plain

        $models.Count | Should -Be 6
        $models[0].PSTypeNames[0] | Should -Be 'ModelHub.InstalledModel'
        $byPath = @{}; $models | ForEach-Object { $byPath[$_.Path] = $_ }
        $record = $byPath[$installed.Path]
        $record.IdentifiedBy | Should -Be 'ModelHubRecord'
        $record.Tool | Should -Be 'ComfyUI'
        $record.Sha256 | Should -Be $installed.Sha256
        $hashed = $byPath[$savedFile.Path]
        $hashed.IdentifiedBy | Should -Be 'HashLookup'
        $hashed.Hub | Should -Be 'Civitai'
        $hashed.Id | Should -Be $Loras[1].Id
        $hashed.VersionId | Should -Be $savedFile.VersionId
        $hashed.Sha256 | Should -Be $savedFile.Sha256
        $hashed.Type | Should -Be 'LoRA'
        $byPath[$info].IdentifiedBy | Should -Be 'CivitaiInfo'
        $byPath[$info].Id | Should -Be $Loras[0].Id
        $byPath[$a1111].IdentifiedBy | Should -Be 'A1111Metadata'
        $byPath[$a1111].VersionId | Should -Be '130072'
        $byPath[$matrix].IdentifiedBy | Should -Be 'StabilityMatrix'
        $byPath[$matrix].BaseModel | Should -Be 'SDXL'
        $byPath[$kohya].IdentifiedBy | Should -Be 'SafetensorsHeader'
        $byPath[$kohya].Type | Should -Be 'LoRA'
        $byPath[$kohya].BaseModel | Should -Be 'SDXL'
        $byPath[$kohya].Hub | Should -BeNullOrEmpty

        # One bulk lookup for the two files no sidecar names (the saved LoRA and the trained one).
        (Get-ByHashRequest).Count | Should -Be 1
        @(Get-EmulatorRequest Civitai | Where-Object path -like '/api/v1/model-versions/by-hash/*').Count | Should -Be 0
    }

    It 'pipes identified models into the hub cmdlets by property name' {
        $savedFile = Save-HubModel $Loras[2].Id -Hub Civitai -Path $Plain

        $model = Get-InstalledHubModel -Path $Plain | Where-Object Id | Get-HubModel

        $model.Id | Should -Be $Loras[2].Id
        $model.Name | Should -Be $Loras[2].Name
        (Get-InstalledHubModel -Path $Plain | Get-HubModelFile | Where-Object Sha256 -eq $savedFile.Sha256).Path | Should -Not -BeNullOrEmpty
    }

    It 'reads no file content and asks no hub when the library has not changed' {
        $null = Save-HubModel $Loras[1].Id -Hub Civitai -Path $Plain
        $null = New-Safetensors (Join-Path $Plain 'unknown.safetensors') -Size 200000
        $first = Get-ContentBytesRead { Get-InstalledHubModel -Path $Plain -Verbose }
        Reset-HubEmulator

        $second = Get-ContentBytesRead { Get-InstalledHubModel -Path $Plain -Verbose }

        $first | Should -BeGreaterThan 200000
        $second | Should -Be 0
        @(Get-EmulatorRequest Civitai).Count | Should -Be 0
        (Get-InstalledHubModel -Path $Plain | Where-Object IdentifiedBy -eq 'HashLookup').Id | Should -Be $Loras[1].Id
    }

    It 'warns about an outage and asks again next time, where a file on no hub is remembered' {
        $savedFile = Save-HubModel $Loras[1].Id -Hub Civitai -Path $Plain
        Add-EmulatorFault Civitai @{ path = '/api/v1/model-versions/by-hash'; method = 'POST'; status = @(503); times = 10 }

        $during = Get-InstalledHubModel -Path $Plain -WarningVariable warnings -WarningAction SilentlyContinue

        $during.Hub | Should -BeNullOrEmpty
        $during.IdentifiedBy | Should -BeIn 'SafetensorsHeader', 'Unidentified'
        ($warnings -join ' ') | Should -Match 'could not be looked up on Civitai'
        Reset-HubEmulator

        $after = Get-InstalledHubModel -Path $Plain -WarningVariable afterWarnings

        $after.IdentifiedBy | Should -Be 'HashLookup'
        $after.VersionId | Should -Be $savedFile.VersionId
        $afterWarnings | Should -BeNullOrEmpty
        (Get-ByHashRequest).Count | Should -Be 1

        # A file Civitai does not know is remembered with the date: not asked about again, until -Refresh.
        $null = New-Safetensors (Join-Path $Plain 'mine.safetensors')
        $null = Get-InstalledHubModel -Path $Plain
        Reset-HubEmulator
        $null = Get-InstalledHubModel -Path $Plain
        (Get-ByHashRequest).Count | Should -Be 0
        $null = Get-InstalledHubModel -Path $Plain -Refresh
        (Get-ByHashRequest).Count | Should -Be 1
    }

    It 'writes the missing record and .civitai.info with -WriteSidecar (nothing with -WhatIf), never over a user''s file' {
        $savedFile = Save-HubModel $Loras[1].Id -Hub Civitai -Path $Plain
        $base = [IO.Path]::ChangeExtension($savedFile.Path, $null).TrimEnd('.')
        Set-Content "$base.json" '{"notes": "mine"}'

        $listed = Get-InstalledHubModel -Path $Plain -WriteSidecar -WhatIf
        $listed.Path | Should -Be $savedFile.Path
        Test-Path "$base.modelhub.json" | Should -BeFalse

        $null = Get-InstalledHubModel -Path $Plain -WriteSidecar

        $record = Get-Content -Raw "$base.modelhub.json" | ConvertFrom-Json
        $record.modelId | Should -Be $Loras[1].Id
        $record.versionId | Should -Be $savedFile.VersionId
        $record.sha256 | Should -Be $savedFile.Sha256
        $record.verified | Should -BeTrue
        (Get-Content -Raw "$base.civitai.info" | ConvertFrom-Json).id | Should -Be $savedFile.VersionId
        (Get-Content -Raw "$base.json" | ConvertFrom-Json).notes | Should -Be 'mine'
        (Get-Content -Raw "$base.json" | ConvertFrom-Json).modelId | Should -BeNullOrEmpty
        (Get-InstalledHubModel -Path $Plain).IdentifiedBy | Should -Be 'ModelHubRecord'
    }

    It 'reports a folder that does not exist and still lists the others' {
        $file = New-Safetensors (Join-Path $Plain 'a.safetensors')

        $models = Get-InstalledHubModel -Path (Join-Path $Root 'missing'), $Plain -ErrorVariable failures -ErrorAction SilentlyContinue

        $models.Path | Should -Be $file
        $failures[0].FullyQualifiedErrorId | Should -Match '^LibraryFolderNotFound'
    }

    It 'stops with ToolRootNotSet when there is nothing to scan' {
        { Get-InstalledHubModel -ErrorAction Stop } | Should -Throw -ErrorId 'ToolRootNotSet*'
    }
}
