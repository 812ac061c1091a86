BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $script:Connect = 'ModelHub.PowerShell.Cmdlets.ConnectHubCommand'
    function Secure([string] $Text) { ConvertTo-SecureString $Text -AsPlainText -Force }
}

Describe 'Connect-Hub and Disconnect-Hub' {
    BeforeEach {
        $script:Saved = Enter-EmulatorTest
        $script:Sandbox = Join-Path $TestDrive ([guid]::NewGuid())
        $env:MODELHUB_HOME = Join-Path $Sandbox 'state'
        $env:HF_HOME = Join-Path $Sandbox 'hf-home'
        Reset-HubEmulator
    }

    AfterEach {
        Disconnect-Hub Civitai
        Disconnect-Hub HuggingFace
        Restore-ModelHubEnvironment $Saved
    }

    It 'checks a token and keeps it for the session' {
        $account = Connect-Hub Civitai (Secure 'civitai-emulator-valid')

        $account.PSTypeNames[0] | Should -Be 'ModelHub.HubAccount'
        $account.UserName | Should -Be 'emulator-user'
        $account.TokenFile | Should -BeNullOrEmpty
        (Get-HubConfiguration).CivitaiTokenSource | Should -Be 'Session'

        $null = Find-HubModel -Hub Civitai -First 1
        (Get-EmulatorRequest Civitai | Where-Object path -eq '/api/v1/models')[0].authorization | Should -BeTrue
        Get-EmulatorRequest HuggingFace | Should -BeNullOrEmpty
    }

    It 'refuses a token the hub does not accept, and keeps nothing' -ForEach @(
        @{ Hub = 'Civitai'; Token = 'civitai-emulator-expired' }
        @{ Hub = 'HuggingFace'; Token = 'hf_emulator_expired_token' }
    ) {
        $null = Connect-Hub $Hub (Secure $Token) -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems[0].FullyQualifiedErrorId | Should -Be "HubTokenInvalid,$Connect"
        $problems[0].Exception.Message | Should -Not -Match ([regex]::Escape($Token))
        (Get-HubConfiguration)."$($Hub)TokenSource" | Should -Be 'None'
    }

    It 'persists a Hugging Face token where huggingface_hub reads it, readable by the user only' {
        $account = Connect-Hub HuggingFace (Secure 'hf_emulator_valid_token') -Persist

        $file = Join-Path $env:HF_HOME 'token'
        $account.TokenFile | Should -Be $file
        Get-Content -Raw $file | Should -Be 'hf_emulator_valid_token'
        if (-not $IsWindows) { (Get-Item $file).UnixMode | Should -Be '-rw-------' }

        Disconnect-Hub HuggingFace
        (Get-HubConfiguration).HuggingFaceTokenSource | Should -Be $file
        Disconnect-Hub HuggingFace -Persisted
        $file | Should -Not -Exist
        (Get-HubConfiguration).HuggingFaceTokenSource | Should -Be 'None'
    }

    It 'persists a Civitai token in the state folder, and -WhatIf writes nothing' {
        $file = Join-Path $env:MODELHUB_HOME 'civitai.token'
        Connect-Hub Civitai (Secure 'civitai-emulator-valid') -Persist -WhatIf
        $file | Should -Not -Exist

        $null = Connect-Hub Civitai (Secure 'civitai-emulator-valid') -Persist
        Get-Content -Raw $file | Should -Be 'civitai-emulator-valid'
    }
}
