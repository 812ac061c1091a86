BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $script:Card = 'ModelHub.PowerShell.Cmdlets.GetHubModelCardCommand'
    $script:Image = 'ModelHub.PowerShell.Cmdlets.GetHubModelImageCommand'
}

Describe 'Get-HubModelCard' {
    BeforeEach {
        $script:Saved = Enter-EmulatorTest
    }

    AfterEach {
        Restore-ModelHubEnvironment $Saved
    }

    It 'reads a Hugging Face card: front matter as typed metadata, body as Markdown and text' {
        $card = Get-HubModelCard hf:modelhub-emulator/example-lora

        $card.PSTypeNames[0] | Should -Be 'ModelHub.ModelCard'
        $card.Hub | Should -Be 'HuggingFace'
        $card.Id | Should -Be 'modelhub-emulator/example-lora'
        $card.VersionId | Should -Match '^[0-9a-f]{40}$'
        $card.Metadata.license | Should -Not -BeNullOrEmpty
        $card.Metadata.tags | Should -Contain 'lora'
        $card.License | Should -Be $card.Metadata.license
        $card.TrainedWords | Should -Not -BeNullOrEmpty
        $card.Markdown | Should -Not -Match '^---'
        $card.Text | Should -Not -BeNullOrEmpty
    }

    It 'reads a Civitai description as Markdown with links and as text without them' {
        $card = Get-HubModelCard civitai:900001

        $card.Hub | Should -Be 'Civitai'
        $card.Title | Should -Match 'ModelHub Benchmark Checkpoint'
        $card.BaseModel | Should -Be 'SDXL'
        $card.Markdown | Should -Not -Match '<p>|<a '
        $card.Text | Should -Not -Match '\]\(http'
        $card.Url | Should -Match '/models/900001'
    }

    It 'follows the pipeline from search results and versions' {
        $cards = @(Find-HubModel pixel -First 4 | Get-HubModelCard)
        $cards.Count | Should -Be 4
        ($cards.Hub | Sort-Object -Unique) | Should -Be @('Civitai', 'HuggingFace')

        (Get-HubModelVersion civitai:900001 -Latest | Get-HubModelCard).VersionId | Should -Be '900101'
    }

    It 'writes Markdown with -AsMarkdown and the original text with -Raw' {
        $markdown = Get-HubModelCard hf:modelhub-emulator/example-lora -AsMarkdown
        $raw = Get-HubModelCard hf:modelhub-emulator/example-lora -Raw

        $markdown | Should -BeOfType [string]
        $raw | Should -BeOfType [string]
        $raw | Should -Match '^---'
        $raw | Should -BeLike "*$($markdown.Trim().Substring(0, [Math]::Min(40, $markdown.Trim().Length)))*"
    }

    It 'shows a readable list view' {
        (Get-HubModelCard hf:modelhub-emulator/example-lora | Out-String -Width 160) | Should -Match 'Title\s+:.*\n(.|\n)*TrainedWords\s+:'
    }

    It 'reports an unknown model as HubModelNotFound' {
        $null = Get-HubModelCard civitai:99999999 -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -Be "HubModelNotFound,$Card"
    }
}

Describe 'Get-HubModelImage' {
    BeforeEach {
        $script:Saved = Enter-EmulatorTest
    }

    AfterEach {
        Restore-ModelHubEnvironment $Saved
    }

    It 'gets Civitai sample images with typed generation parameters' {
        $model = Find-HubModel -Hub Civitai -Type LoRA -First 1
        $images = @(Get-HubModelImage $model.Id -Hub Civitai -First 5)

        $images.Count | Should -BeGreaterThan 0
        $images.Count | Should -BeLessOrEqual 5
        $images[0].PSTypeNames[0] | Should -Be 'ModelHub.ModelImage'
        $images | ForEach-Object { $_.Url | Should -Match '^http'; $_.Nsfw | Should -BeFalse }
        @($images | Where-Object Prompt).Count | Should -BeGreaterThan 0
        ($images | Where-Object Seed | Select-Object -First 1).Seed | Should -BeOfType [ulong]
    }

    It 'gets the images a Hugging Face card shows' {
        $images = @(Get-HubModelImage hf:modelhub-emulator/example-lora)

        $images.Count | Should -BeGreaterThan 0
        ($images.Url | Sort-Object -Unique).Count | Should -Be $images.Count
    }

    It 'saves images under safe names, and -WhatIf saves nothing' {
        $folder = Join-Path $TestDrive ([guid]::NewGuid())
        $model = Find-HubModel -Hub Civitai -Type LoRA -First 1

        Get-HubModelImage $model.Id -Hub Civitai -First 2 -Path $folder -WhatIf
        Test-Path $folder | Should -BeFalse

        $files = @(Get-HubModelImage $model.Id -Hub Civitai -First 2 -Path $folder)
        $files.Count | Should -Be 2
        $files | ForEach-Object { $_ | Should -BeOfType [System.IO.FileInfo]; $_.Length | Should -BeGreaterThan 0; $_.Extension | Should -BeIn '.png', '.jpeg', '.webp' }
        Get-ChildItem $folder -Filter *.partial | Should -BeNullOrEmpty
    }

    It 'refuses -IncludeNsfw under the Strict content policy' {
        $null = New-Item -ItemType Directory -Force -Path $env:MODELHUB_HOME
        '{ "ContentPolicy": "Strict" }' | Set-Content (Join-Path $env:MODELHUB_HOME 'settings.json')

        { Get-HubModelImage civitai:900001 -IncludeNsfw } | Should -Throw -ErrorId "ContentPolicyViolation,$Image"
    }
}
