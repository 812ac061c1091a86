BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $script:CommandName = 'ModelHub.PowerShell.Cmdlets.GetHubConfigurationCommand'
}

Describe 'Get-HubConfiguration' {
    BeforeEach {
        $script:Saved = Save-ModelHubEnvironment
        # TestDrive lives as long as the Describe block: each test gets folders of its own.
        $script:Sandbox = Join-Path $TestDrive ([guid]::NewGuid())
        $env:MODELHUB_HOME = Join-Path $Sandbox 'state'
        $env:HF_HOME = Join-Path $Sandbox 'hf-home'
    }

    AfterEach {
        Restore-ModelHubEnvironment $Saved
    }

    It 'returns one ModelHub.Configuration with the real hubs by default' {
        $config = @(Get-HubConfiguration)

        $config.Count | Should -Be 1
        $config[0].PSTypeNames[0] | Should -Be 'ModelHub.Configuration'
        $config[0].CivitaiEndpoint | Should -Be 'https://civitai.com/'
        $config[0].CivitaiEndpointSource | Should -Be 'Default'
        $config[0].HuggingFaceEndpoint | Should -Be 'https://huggingface.co/'
        $config[0].HuggingFaceEndpointSource | Should -Be 'Default'
    }

    It 'says which variable set each endpoint' {
        $env:MODELHUB_CIVITAI_ENDPOINT = 'http://127.0.0.1:41234'
        $env:HF_ENDPOINT = 'https://hf-mirror.example'

        $config = Get-HubConfiguration

        $config.CivitaiEndpoint | Should -Be 'http://127.0.0.1:41234/'
        $config.CivitaiEndpointSource | Should -Be 'MODELHUB_CIVITAI_ENDPOINT'
        $config.HuggingFaceEndpoint | Should -Be 'https://hf-mirror.example/'
        $config.HuggingFaceEndpointSource | Should -Be 'HF_ENDPOINT'

        $env:MODELHUB_HF_ENDPOINT = 'http://localhost:41235'
        (Get-HubConfiguration).HuggingFaceEndpointSource | Should -Be 'MODELHUB_HF_ENDPOINT'
    }

    It 'treats an empty variable as unset' {
        $env:MODELHUB_HF_ENDPOINT = ' '
        $env:HF_ENDPOINT = 'https://hf-mirror.example'

        (Get-HubConfiguration).HuggingFaceEndpointSource | Should -Be 'HF_ENDPOINT'
    }

    It 'writes a non-terminating InsecureEndpoint error for plain http to a remote host, and still answers' {
        $env:MODELHUB_CIVITAI_ENDPOINT = 'http://civitai.example'

        $config = Get-HubConfiguration -ErrorVariable problems -ErrorAction SilentlyContinue

        $config.CivitaiEndpoint | Should -Be 'http://civitai.example/'
        $problems.Count | Should -Be 1
        $problems[0].FullyQualifiedErrorId | Should -Be "InsecureEndpoint,$CommandName"
        $problems[0].CategoryInfo.Category | Should -Be 'SecurityError'
        $problems[0].TargetObject | Should -Be 'http://civitai.example/'
        $problems[0].ErrorDetails.RecommendedAction | Should -Match 'https://'
        $problems[0].Exception.Message | Should -Match 'MODELHUB_CIVITAI_ENDPOINT'
    }

    It 'stops with InvalidConfiguration naming a malformed variable' {
        $env:MODELHUB_MAX_RETRIES = 'many'

        $thrown = { Get-HubConfiguration } | Should -Throw -PassThru

        $thrown.FullyQualifiedErrorId | Should -Be "InvalidConfiguration,$CommandName"
        $thrown.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $thrown.Exception.Message | Should -Match 'MODELHUB_MAX_RETRIES'
    }

    It 'shows the retry settings and the state folder' {
        $env:MODELHUB_MAX_RETRIES = '2'
        $env:MODELHUB_RETRY_BASE_DELAY = '0.25'
        $env:MODELHUB_READ_IDLE_TIMEOUT = '7'

        $config = Get-HubConfiguration

        $config.MaxRetries | Should -Be 2
        $config.RetryBaseDelay | Should -Be ([timespan]::FromMilliseconds(250))
        $config.ReadIdleTimeout | Should -Be ([timespan]::FromSeconds(7))
        $config.StateFolder | Should -Be (Join-Path $Sandbox 'state')
        $config.StateFolderSource | Should -Be 'MODELHUB_HOME'
    }

    It 'reports where each token comes from, never the token' {
        $env:CIVITAI_API_TOKEN = 'civitai-secret-1'
        $tokenFile = Join-Path $env:HF_HOME 'token'
        $null = New-Item -ItemType File -Force -Path $tokenFile -Value "hf_file_secret_2`n"

        $config = Get-HubConfiguration

        $config.CivitaiTokenSet | Should -BeTrue
        $config.CivitaiTokenSource | Should -Be 'CIVITAI_API_TOKEN'
        $config.HuggingFaceTokenSet | Should -BeTrue
        $config.HuggingFaceTokenSource | Should -Be $tokenFile

        $env:HF_TOKEN = 'hf_env_secret_3'
        $config = Get-HubConfiguration
        $config.HuggingFaceTokenSource | Should -Be 'HF_TOKEN'

        $config | Export-Clixml -Path (Join-Path $Sandbox 'config.xml')
        $everything = ($config | Format-List * | Out-String) + ($config | Out-String) + ($config | ConvertTo-Json) + (Get-Content -Raw (Join-Path $Sandbox 'config.xml'))
        $everything | Should -Not -Match 'civitai-secret-1|hf_file_secret_2|hf_env_secret_3'
    }

    It 'says None when no token is set' {
        $config = Get-HubConfiguration

        $config.CivitaiTokenSet | Should -BeFalse
        $config.CivitaiTokenSource | Should -Be 'None'
        $config.HuggingFaceTokenSource | Should -Be 'None'
    }

    It 'has a default list view' {
        $text = Get-HubConfiguration | Out-String

        $text | Should -Match 'Civitai endpoint\s+: https://civitai.com/'
        $text | Should -Match 'Hugging Face token from\s+: None'
        $text | Should -Match 'Timeouts \(attempt, total, idle\)\s+: 30 s, 300 s, 30 s'
    }
}
