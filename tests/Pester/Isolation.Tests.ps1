BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
}

Describe 'Dependency isolation' {
    It 'works, HTTP included, when another module already loaded a different version of one of its dependencies' {
        $older = Join-Path $PackageRoot 'microsoft.extensions.dependencyinjection.abstractions/8.0.0/lib/netstandard2.0/Microsoft.Extensions.DependencyInjection.Abstractions.dll'
        $older | Should -Exist

        $result = Invoke-FreshPwsh @"
`$ErrorActionPreference = 'Stop'
Add-Type -Path '$older'
Import-Module '$ModulePath'
`$config = Get-HubConfiguration
'type=' + `$config.PSTypeNames[0]
`$env:MODELHUB_CIVITAI_ENDPOINT = '$($Emulator.Civitai)'
`$env:MODELHUB_HF_ENDPOINT = '$($Emulator.HuggingFace)'
'found=' + @(Find-HubModel pixel -First 4).Count
[AppDomain]::CurrentDomain.GetAssemblies() |
    Where-Object { `$_.GetName().Name -eq 'Microsoft.Extensions.DependencyInjection.Abstractions' } |
    ForEach-Object { 'loaded=' + `$_.GetName().Version + '@' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }
"@

        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $result.Output | Should -Contain 'type=ModelHub.Configuration'
        # The whole HTTP path (Microsoft.Extensions.Http, Polly, System.Text.Json) ran in this process.
        $result.Output | Should -Contain 'found=4'
        # Both copies are loaded side by side: the other module's in the default context, ModelHub's in its own.
        $result.Output | Should -Contain 'loaded=8.0.0.0@Default'
        $result.Output | Should -Contain 'loaded=10.0.0.0@ModelHub'
    }
}
