BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
}

Describe 'The hub emulator of the test run' {
    It 'serves three origins on three ports, each with its control plane' {
        $origins = @($Emulator.Civitai, $Emulator.HuggingFace, $Emulator.Cdn)
        $origins | Should -Not -BeNullOrEmpty
        ($origins | ForEach-Object { ([uri]$_).Port } | Sort-Object -Unique).Count | Should -Be 3
        foreach ($origin in $origins) {
            ([uri]$origin).Host | Should -Be '127.0.0.1'
            , (Invoke-RestMethod "$origin/_emulator/requests") | Should -BeOfType [object[]]
        }
    }

    It 'is accepted by ModelHub as a loopback endpoint' {
        $saved = Save-ModelHubEnvironment
        try {
            Use-HubEmulator
            $config = Get-HubConfiguration -ErrorVariable problems

            $problems | Should -BeNullOrEmpty
            $config.CivitaiEndpoint | Should -Be ($Emulator.Civitai + '/')
            $config.HuggingFaceEndpointSource | Should -Be 'MODELHUB_HF_ENDPOINT'
        }
        finally {
            Restore-ModelHubEnvironment $saved
        }
    }
}
