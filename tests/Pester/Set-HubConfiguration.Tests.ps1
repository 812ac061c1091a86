BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $script:CommandName = 'ModelHub.PowerShell.Cmdlets.SetHubConfigurationCommand'
}

Describe 'Set-HubConfiguration' {
    BeforeEach {
        $script:Saved = Save-ModelHubEnvironment
        # TestDrive lives as long as the Describe block: each test gets a state folder of its own.
        $script:Sandbox = Join-Path $TestDrive ([guid]::NewGuid())
        $env:MODELHUB_HOME = Join-Path $Sandbox 'state'
        $script:SettingsFile = Join-Path $env:MODELHUB_HOME 'settings.json'
    }

    AfterEach {
        Restore-ModelHubEnvironment $Saved
    }

    It 'stores the tool, its folder, the content policy and the retry settings, and Get-HubConfiguration shows them' {
        $root = Join-Path $Sandbox 'ComfyUI'

        $output = Set-HubConfiguration -Tool ComfyUI -ToolRoot $root -ContentPolicy Strict -MaxRetries 2 -RetryBaseDelay 0.5 `
            -RetryMaxDelay ([timespan]::FromSeconds(8)) -AttemptTimeout 45 -Timeout 600 -ReadIdleTimeout '90'

        $output | Should -BeNullOrEmpty
        $SettingsFile | Should -Exist
        $config = Get-HubConfiguration
        $config.Tool | Should -Be 'ComfyUI'
        $config.ToolRoot | Should -Be $root
        $config.ContentPolicy | Should -Be 'Strict'
        $config.MaxRetries | Should -Be 2
        $config.RetryBaseDelay | Should -Be ([timespan]::FromMilliseconds(500))
        $config.RetryMaxDelay | Should -Be ([timespan]::FromSeconds(8))
        $config.AttemptTimeout | Should -Be ([timespan]::FromSeconds(45))
        $config.Timeout | Should -Be ([timespan]::FromMinutes(10))
        $config.ReadIdleTimeout | Should -Be ([timespan]::FromSeconds(90))

        $text = $config | Out-String
        $text | Should -Match 'Tool\s+: ComfyUI'
        $text | Should -Match ('Tool root\s+: ' + [regex]::Escape($root))
        $text | Should -Match 'Content policy\s+: Strict'
    }

    It 'changes only the settings named and keeps keys it does not know' {
        $null = New-Item -ItemType Directory -Force -Path $env:MODELHUB_HOME
        '{ "Theme": "dark", "ContentPolicy": "Strict" }' | Set-Content $SettingsFile

        Set-HubConfiguration -Tool A1111

        $stored = Get-Content -Raw $SettingsFile | ConvertFrom-Json
        $stored.Theme | Should -Be 'dark'
        $stored.ContentPolicy | Should -Be 'Strict'
        $stored.Tool | Should -Be 'A1111'
        (Get-ChildItem -Force $env:MODELHUB_HOME).Name | Should -Be 'settings.json'
    }

    It 'resolves a relative -ToolRoot from the current location' {
        $null = New-Item -ItemType Directory -Force -Path $Sandbox
        Push-Location $Sandbox
        try {
            Set-HubConfiguration -ToolRoot ./webui
        }
        finally {
            Pop-Location
        }

        (Get-HubConfiguration).ToolRoot | Should -Be (Join-Path $Sandbox 'webui')
    }

    It 'lets a retry variable win over the stored value' {
        Set-HubConfiguration -MaxRetries 3 -Timeout 20

        $env:MODELHUB_MAX_RETRIES = '7'
        $config = Get-HubConfiguration

        $config.MaxRetries | Should -Be 7
        $config.Timeout | Should -Be ([timespan]::FromSeconds(20))
    }

    It 'changes nothing with -WhatIf' {
        Set-HubConfiguration -Tool Forge -ContentPolicy Strict -WhatIf

        $env:MODELHUB_HOME | Should -Not -Exist
        $config = Get-HubConfiguration
        $config.Tool | Should -BeNullOrEmpty
        $config.ContentPolicy | Should -Be 'Default'

        Set-HubConfiguration -MaxRetries 1
        $before = Get-Content -Raw $SettingsFile
        Set-HubConfiguration -Reset -WhatIf
        Get-Content -Raw $SettingsFile | Should -Be $before
    }

    It 'removes the settings named with -Reset, or all of them' {
        $null = New-Item -ItemType Directory -Force -Path $env:MODELHUB_HOME
        '{ "Theme": "dark" }' | Set-Content $SettingsFile
        Set-HubConfiguration -Tool ComfyUI -ToolRoot $Sandbox -ContentPolicy Strict -MaxRetries 1 -Timeout 20

        Set-HubConfiguration -Reset -MaxRetries 0 -ContentPolicy Default

        $config = Get-HubConfiguration
        $config.MaxRetries | Should -Be 5
        $config.ContentPolicy | Should -Be 'Default'
        $config.Tool | Should -Be 'ComfyUI'
        $config.Timeout | Should -Be ([timespan]::FromSeconds(20))

        Set-HubConfiguration -Reset

        $config = Get-HubConfiguration
        $config.Tool | Should -BeNullOrEmpty
        $config.ToolRoot | Should -BeNullOrEmpty
        $config.Timeout | Should -Be ([timespan]::FromMinutes(5))
        (Get-Content -Raw $SettingsFile | ConvertFrom-Json -AsHashtable).Keys | Should -Be @('Theme')
    }

    It 'writes the new configuration with -PassThru' {
        $config = @(Set-HubConfiguration -Tool Forge -PassThru)

        $config.Count | Should -Be 1
        $config[0].PSTypeNames[0] | Should -Be 'ModelHub.Configuration'
        $config[0].Tool | Should -Be 'Forge'
        @(Set-HubConfiguration -Reset -PassThru)[0].Tool | Should -BeNullOrEmpty
    }

    It 'refuses a delay that is not longer than zero or a retry count over 100' {
        { Set-HubConfiguration -Timeout 0 } | Should -Throw -ErrorId "ParameterArgumentValidationError,$CommandName"
        { Set-HubConfiguration -RetryBaseDelay ([timespan]::FromSeconds(-1)) } | Should -Throw -ErrorId "ParameterArgumentValidationError,$CommandName"
        { Set-HubConfiguration -ReadIdleTimeout ([timespan]::FromDays(2)) } | Should -Throw -ErrorId "ParameterArgumentValidationError,$CommandName"
        { Set-HubConfiguration -MaxRetries 101 } | Should -Throw -ErrorId "ParameterArgumentValidationError,$CommandName"
        { Set-HubConfiguration -Tool Blender } | Should -Throw -ErrorId "CannotConvertArgumentNoMessage,$CommandName"
        $env:MODELHUB_HOME | Should -Not -Exist
    }

    It 'stops with InvalidConfiguration naming a malformed settings file, and leaves it alone' {
        $null = New-Item -ItemType Directory -Force -Path $env:MODELHUB_HOME
        '{ "MaxRetries": "many" }' | Set-Content $SettingsFile

        $thrown = { Set-HubConfiguration -Tool A1111 } | Should -Throw -PassThru

        $thrown.FullyQualifiedErrorId | Should -Be "InvalidConfiguration,$CommandName"
        $thrown.Exception.Message | Should -Match ([regex]::Escape($SettingsFile))
        (Get-Content -Raw $SettingsFile).Trim() | Should -Be '{ "MaxRetries": "many" }'
    }

    It 'under a Strict policy it stored, Find-HubModel refuses -IncludeNsfw' {
        Use-HubEmulator
        Set-HubConfiguration -ContentPolicy Strict

        { Find-HubModel -IncludeNsfw -First 1 } | Should -Throw -ErrorId 'ContentPolicyViolation,ModelHub.PowerShell.Cmdlets.FindHubModelCommand'
    }
}
