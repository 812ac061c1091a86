BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $script:Find = 'ModelHub.PowerShell.Cmdlets.FindHubModelCommand'
    $script:Get = 'ModelHub.PowerShell.Cmdlets.GetHubModelCommand'
    $script:Files = 'ModelHub.PowerShell.Cmdlets.GetHubModelFileCommand'
}

Describe 'Find-HubModel' {
    BeforeEach {
        $script:Saved = Enter-EmulatorTest
        Reset-HubEmulator
    }

    AfterEach {
        Reset-HubEmulator
        Restore-ModelHubEnvironment $Saved
    }

    It 'searches both hubs and writes ModelHub.Model objects with the raw hub object' {
        $models = @(Find-HubModel pixel -First 20)

        $models.Count | Should -Be 20
        ($models.Hub | Sort-Object -Unique) | Should -Be @('Civitai', 'HuggingFace')
        $models[0].PSTypeNames[0] | Should -Be 'ModelHub.Model'
        $models | ForEach-Object { $_.Raw | Should -BeOfType [psobject] }
        $models | Where-Object Hub -eq Civitai | ForEach-Object { $_.Raw.id | Should -Be ([long]$_.Id) }
    }

    It 'asks each hub once for the first page and stops when the pipeline has enough' {
        $models = @(Find-HubModel | Select-Object -First 3)

        $models.Count | Should -Be 3
        @(Get-EmulatorRequest Civitai | Where-Object path -eq '/api/v1/models').Count | Should -Be 1
        @(Get-EmulatorRequest HuggingFace | Where-Object path -eq '/api/models').Count | Should -Be 1
    }

    It 'sizes the page from -First and follows cursors lazily' {
        $models = @(Find-HubModel -Hub Civitai -First 250)

        $models.Count | Should -Be 250
        ($models.Id | Sort-Object -Unique).Count | Should -Be 250
        $pages = @(Get-EmulatorRequest Civitai | Where-Object path -eq '/api/v1/models')
        $pages.Count | Should -Be 3
        $pages[0].query | Should -Match 'limit=100'
        $pages[0].query | Should -Not -Match 'page='
        $pages[1].query | Should -Match 'cursor='
        @(Get-EmulatorRequest HuggingFace).Count | Should -Be 0
    }

    It 'filters by type, base model, tag and author exactly' {
        $loras = @(Find-HubModel -Type LoRA -BaseModel SDXL -First 30)
        $loras.Count | Should -BeGreaterThan 0
        $loras | ForEach-Object { $_.Type | Should -Be 'LoRA'; $_.BaseModel | Should -Be 'SDXL' }

        $tagged = @(Find-HubModel -Hub Civitai -Tag 'pixel art' -First 10)
        $tagged.Count | Should -BeGreaterThan 0
        $tagged | ForEach-Object { $_.Tags | Should -Contain 'pixel art' }

        $owned = @(Find-HubModel -Hub HuggingFace -Author modelhub-emulator -First 10)
        $owned.Count | Should -BeGreaterThan 0
        $owned | ForEach-Object { $_.Id | Should -BeLike 'modelhub-emulator/*' }
    }

    It 'merges both hubs in the order of -Sort' {
        $models = @(Find-HubModel -Sort Downloads -First 40)

        ($models.Hub | Sort-Object -Unique).Count | Should -Be 2
        for ($i = 1; $i -lt $models.Count; $i++) {
            $models[$i].Downloads | Should -BeLessOrEqual $models[$i - 1].Downloads
        }
    }

    It 'leaves out a hub that cannot sort that way, with a warning' {
        $models = @(Find-HubModel -Sort Rating -First 5 -WarningVariable warnings -WarningAction SilentlyContinue)

        $models.Hub | Sort-Object -Unique | Should -Be 'Civitai'
        $warnings | Should -Match 'HuggingFace'
        @(Get-EmulatorRequest HuggingFace).Count | Should -Be 0
    }

    It 'fails with SortNotSupported when the only hub asked cannot sort that way' {
        { Find-HubModel -Hub Civitai -Sort Trending } | Should -Throw -ErrorId "SortNotSupported,$Find"
    }

    It 'passes the period to Civitai' {
        $null = Find-HubModel -Hub Civitai -Period Week -First 1
        (Get-EmulatorRequest Civitai)[0].query | Should -Match 'period=Week'
    }

    It 'leaves NSFW models out unless -IncludeNsfw' {
        $safe = @(Find-HubModel -Hub Civitai -Type LoRA -First 300)
        $safe | Where-Object Nsfw | Should -BeNullOrEmpty

        $all = @(Find-HubModel -Hub Civitai -Type LoRA -First 300 -IncludeNsfw)
        @($all | Where-Object Nsfw).Count | Should -BeGreaterThan 0
    }

    It 'under the Strict content policy refuses -IncludeNsfw and hides real people' {
        $null = New-Item -ItemType Directory -Force -Path $env:MODELHUB_HOME
        '{ "ContentPolicy": "Strict" }' | Set-Content (Join-Path $env:MODELHUB_HOME 'settings.json')

        { Find-HubModel -IncludeNsfw } | Should -Throw -ErrorId "ContentPolicyViolation,$Find"
        (Get-HubConfiguration).ContentPolicy | Should -Be 'Strict'
        Find-HubModel -Hub Civitai -First 300 | Where-Object Poi | Should -BeNullOrEmpty
    }

    It 'still writes one hub''s results when the other fails' {
        Add-EmulatorFault HuggingFace @{ path = '/api/models'; status = @(503, 503, 503) }

        $models = @(Find-HubModel pixel -First 10 -ErrorVariable problems -ErrorAction SilentlyContinue)

        $models.Count | Should -Be 10
        $models.Hub | Sort-Object -Unique | Should -Be 'Civitai'
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be "HubUnavailable,$Find"
        $problems[0].TargetObject | Should -Be 'HuggingFace'
    }

    It 'reports <Id> with its error id' -ForEach @(
        @{ Id = 'HubRateLimited'; Rule = @{ path = '/api/v1/models'; status = @(429, 429); retryAfter = 0 } }
        @{ Id = 'HubUnavailable'; Rule = @{ path = '/api/v1/models'; html = $true; status = @(524, 524) } }
        @{ Id = 'InvalidHubResponse'; Rule = @{ path = '/api/v1/models'; truncateJson = $true } }
    ) {
        Add-EmulatorFault Civitai $Rule

        $null = Find-HubModel -Hub Civitai -First 1 -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -Be "$Id,$Find"
    }

    It 'sends each hub''s token to that hub only' {
        $env:CIVITAI_API_TOKEN = 'civitai-emulator-valid'

        $null = Find-HubModel pixel -First 10

        Get-EmulatorRequest Civitai | ForEach-Object { $_.authorization | Should -BeTrue }
        Get-EmulatorRequest HuggingFace | ForEach-Object { $_.authorization | Should -BeFalse }
        Get-EmulatorRequest Cdn | Should -BeNullOrEmpty
    }
}

Describe 'Find-HubModel on a large catalogue' {
    BeforeAll {
        Import-Module (Join-Path $PSScriptRoot 'HubEmulator.psm1')
        $script:Large = Start-HubEmulator -ArgumentList '--catalog-size', '3000'
    }

    AfterAll {
        $Large | Stop-HubEmulator
    }

    It 'reaches 1,500 distinct Civitai models through cursors' {
        $saved = Save-ModelHubEnvironment
        try {
            $env:MODELHUB_CIVITAI_ENDPOINT = $Large.Civitai
            $models = @(Find-HubModel -Hub Civitai -First 1500)

            $models.Count | Should -Be 1500
            ($models.Id | Sort-Object -Unique).Count | Should -Be 1500
            Get-EmulatorRequest Civitai -Target $Large | ForEach-Object { $_.status | Should -Be 200; $_.query | Should -Not -Match '(^|&)page=' }
        }
        finally {
            Restore-ModelHubEnvironment $saved
        }
    }
}

Describe 'Get-HubModel, Get-HubModelVersion and Get-HubModelFile' {
    BeforeEach {
        $script:Saved = Enter-EmulatorTest
        Reset-HubEmulator
    }

    AfterEach {
        Reset-HubEmulator
        Restore-ModelHubEnvironment $Saved
    }

    It 'gets a model by <Form>' -ForEach @(
        @{ Form = 'prefixed Civitai id'; Reference = 'civitai:900001'; Hub = 'Civitai'; Expected = '900001' }
        @{ Form = 'bare Civitai id'; Reference = '900001'; Hub = 'Civitai'; Expected = '900001' }
        @{ Form = 'AIR'; Reference = 'urn:air:sdxl:checkpoint:civitai:900001@900101'; Hub = 'Civitai'; Expected = '900001' }
        @{ Form = 'prefixed repo id'; Reference = 'hf:modelhub-emulator/example-lora'; Hub = 'HuggingFace'; Expected = 'modelhub-emulator/example-lora' }
        @{ Form = 'bare repo id'; Reference = 'modelhub-emulator/example-lora'; Hub = 'HuggingFace'; Expected = 'modelhub-emulator/example-lora' }
    ) {
        $model = Get-HubModel $Reference

        $model.Hub | Should -Be $Hub
        $model.Id | Should -Be $Expected
        $model.Versions.Count | Should -BeGreaterThan 0
        $model.LatestVersion.Files.Count | Should -BeGreaterThan 0
    }

    It 'gets a model by its web page URL' {
        (Get-HubModel -Url "$($Emulator.Civitai)/models/900001/benchmark?modelVersionId=900101").Id | Should -Be '900001'
        (Get-HubModel -Url "$($Emulator.HuggingFace)/modelhub-emulator/example-pipeline/tree/main").Id | Should -Be 'modelhub-emulator/example-pipeline'
        (Get-HubModel -Url 'https://civitai.com/models/900001').Hub | Should -Be 'Civitai'
    }

    It 'follows a renamed Hugging Face repo' {
        (Get-HubModel hf:modelhub-emulator/old-name-lora).Id | Should -Be 'modelhub-emulator/renamed-lora'
    }

    It 'binds search results, versions and Import-Csv rows from the pipeline' {
        $found = Find-HubModel pixel -Hub Civitai -First 2 | Get-HubModel
        $found.Count | Should -Be 2
        $found | ForEach-Object { $_.Versions.Count | Should -BeGreaterThan 0 }

        $files = Get-HubModelVersion civitai:900001 -Latest | Get-HubModelFile
        $files.Name | Should -Contain 'modelhubBenchmarkCheckpoint_v10.safetensors'

        $csv = Join-Path $TestDrive 'models.csv'
        @([pscustomobject]@{ Hub = 'HuggingFace'; Id = 'modelhub-emulator/example-lora' }, [pscustomobject]@{ Hub = 'Civitai'; Id = '900001' }) | Export-Csv $csv
        (Import-Csv $csv | Get-HubModel).Id | Should -Be @('modelhub-emulator/example-lora', '900001')
    }

    It 'lists Hugging Face commits with -All and the head commit without it' {
        $head = @(Get-HubModelVersion hf:modelhub-emulator/example-lora)
        $history = @(Get-HubModelVersion hf:modelhub-emulator/example-lora -All)

        $head.Count | Should -Be 1
        $history.Count | Should -BeGreaterThan 1
        $history[0].VersionId | Should -Be $head[0].VersionId
        $head[0].VersionId | Should -Match '^[0-9a-f]{40}$'
    }

    It 'lists Hugging Face files recursively with LFS sha256 and git blob ids' {
        $files = @(Get-HubModelFile hf:modelhub-emulator/example-pipeline)

        $files.Path | Should -Contain 'model_index.json'
        $files | Where-Object Path -like 'unet/*' | Should -Not -BeNullOrEmpty
        $files | Where-Object Path -like '*.safetensors' | ForEach-Object { $_.Sha256 | Should -Match '^[0-9a-f]{64}$' }
        ($files | Where-Object Path -eq 'model_index.json').GitBlobId | Should -Match '^[0-9a-f]{40}$'
    }

    It 'reports <Case> as <ErrorId>' -ForEach @(
        @{ Case = 'an unknown Civitai model'; Cmdlet = 'Get-HubModel'; Arguments = @{ Id = 'civitai:99999999' }; ErrorId = 'HubModelNotFound'; Class = 'GetHubModelCommand' }
        @{ Case = 'an unknown Hugging Face repo'; Cmdlet = 'Get-HubModel'; Arguments = @{ Id = 'hf:nobody/nothing-here' }; ErrorId = 'HubModelNotFound'; Class = 'GetHubModelCommand' }
        @{ Case = 'a private repo without a token'; Cmdlet = 'Get-HubModel'; Arguments = @{ Id = 'hf:modelhub-emulator-org/private-lora' }; ErrorId = 'HubModelNotFound'; Class = 'GetHubModelCommand' }
        @{ Case = 'an unknown Civitai version'; Cmdlet = 'Get-HubModelFile'; Arguments = @{ Id = 'civitai:900001'; VersionId = '1' }; ErrorId = 'HubModelNotFound'; Class = 'GetHubModelFileCommand' }
        @{ Case = 'an unknown revision'; Cmdlet = 'Get-HubModelFile'; Arguments = @{ Id = 'hf:modelhub-emulator/example-lora'; VersionId = 'no-such-branch' }; ErrorId = 'HubRevisionNotFound'; Class = 'GetHubModelFileCommand' }
        @{ Case = 'a name that is no model'; Cmdlet = 'Get-HubModel'; Arguments = @{ Id = 'not a model' }; ErrorId = 'InvalidModelReference'; Class = 'GetHubModelCommand' }
    ) {
        $null = & $Cmdlet @Arguments -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be "$ErrorId,ModelHub.PowerShell.Cmdlets.$Class"
        $problems[0].TargetObject | Should -Not -BeNullOrEmpty
        $problems[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'sees the private repo with the valid token and reports an expired token' {
        $env:HF_TOKEN = 'hf_emulator_valid_token'
        (Get-HubModel hf:modelhub-emulator-org/private-lora).Id | Should -Be 'modelhub-emulator-org/private-lora'

        $env:HF_TOKEN = 'hf_emulator_expired_token'
        $null = Get-HubModel hf:modelhub-emulator/example-lora -ErrorVariable problems -ErrorAction SilentlyContinue
        $problems[0].FullyQualifiedErrorId | Should -Be "HubTokenInvalid,$Get"
    }

    It 'goes on with the next input after a failure' {
        $models = @('civitai:99999999', 'civitai:900001') | Get-HubModel -ErrorAction SilentlyContinue -ErrorVariable problems

        @($models).Id | Should -Be '900001'
        $problems.Count | Should -Be 1
    }

    It 'shows a gated repo''s metadata and says it is gated' {
        (Get-HubModel hf:modelhub-emulator/gated-manual-pipeline).Gated | Should -BeTrue
    }
}

Describe 'Default views and completion' {
    It 'formats models, versions and files as tables' {
        $saved = Save-ModelHubEnvironment
        try {
            Use-HubEmulator
            (Find-HubModel pixel -First 2 | Out-String -Width 160) | Should -Match 'Hub\s+Id\s+Name\s+Type\s+BaseModel\s+Downloads'
            (Get-HubModelVersion civitai:900001 | Out-String -Width 160) | Should -Match 'VersionId'
            (Get-HubModelFile civitai:900001 | Out-String -Width 160) | Should -Match '2\.0 GB'
        }
        finally {
            Restore-ModelHubEnvironment $saved
        }
    }

    It 'completes -BaseModel, -Type and -Sort' {
        $completion = TabExpansion2 -inputScript 'Find-HubModel -BaseModel SD' -cursorColumn 'Find-HubModel -BaseModel SD'.Length
        $completion.CompletionMatches.CompletionText | Should -Contain "'SD 1.5'"
        $completion.CompletionMatches.CompletionText | Should -Contain 'SDXL'

        $types = TabExpansion2 -inputScript 'Find-HubModel -Type Lo' -cursorColumn 'Find-HubModel -Type Lo'.Length
        $types.CompletionMatches.CompletionText | Should -Contain 'LoRA'

        $sorts = TabExpansion2 -inputScript 'Find-HubModel -Sort Tr' -cursorColumn 'Find-HubModel -Sort Tr'.Length
        $sorts.CompletionMatches.CompletionText | Should -Contain 'Trending'
    }
}
