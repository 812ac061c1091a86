BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $module = Import-Module $ModulePath -Force -PassThru
    $script:Cmdlets = @($module.ExportedCmdlets.Values | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Module = Import-Module $ModulePath -Force -PassThru
    $script:Manifest = Import-PowerShellDataFile $ModulePath
}

Describe 'The module manifest' {
    It 'is valid' {
        $info = Test-ModuleManifest -Path $ModulePath -ErrorAction Stop
        $info.Name | Should -Be 'ModelHub'
        $info.CompatiblePSEditions | Should -Be @('Core')
        $info.PowerShellVersion | Should -Be ([version]'7.4')
    }

    It 'exports exactly the cmdlet classes of the cmdlet assembly' {
        $classes = $Module.ImplementingAssembly.GetExportedTypes() |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { '{0}-{1}' -f $_.VerbName, $_.NounName }
        $Manifest.CmdletsToExport | Sort-Object | Should -Be ($classes | Sort-Object)
        $Module.ExportedCmdlets.Keys | Sort-Object | Should -Be ($classes | Sort-Object)
    }

    It 'lists its exports explicitly, without wildcards' {
        $Manifest.CmdletsToExport | Should -Not -Contain '*'
        $Manifest.FunctionsToExport | Should -BeNullOrEmpty
        $Manifest.AliasesToExport | Should -BeNullOrEmpty
    }

    It 'gives every assembly its version' {
        $version = [version]$Manifest.ModuleVersion
        $Module.ImplementingAssembly.GetName().Version | Should -Be ([version]::new($version.Major, $version.Minor, $version.Build, 0))
    }

    It 'ships no PowerShell assembly of its own' {
        Get-ChildItem -Recurse -Path $ModuleFolder -Filter 'System.Management.Automation.dll' | Should -BeNullOrEmpty
    }

    It 'keeps the engine and its dependencies out of the module root' {
        (Get-ChildItem -Path $ModuleFolder -Filter *.dll).Name | Sort-Object | Should -Be @('ModelHub.PowerShell.dll', 'ModelHub.PowerShell.Loader.dll')
        Join-Path $ModuleFolder 'dependencies/ModelHub.Core.dll' | Should -Exist
    }

    It 'maps every core error category to a PowerShell ErrorCategory' {
        $core = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'ModelHub.Core' }
        foreach ($name in [Enum]::GetNames($core.GetType('ModelHub.Errors.HubErrorCategory'))) {
            $name -as [System.Management.Automation.ErrorCategory] | Should -Not -BeNullOrEmpty -Because "$name must be an ErrorCategory name"
        }
    }

    It 'survives Remove-Module and a new import' {
        Remove-Module ModelHub
        Import-Module $ModulePath
        (Get-HubConfiguration).PSTypeNames[0] | Should -Be 'ModelHub.Configuration'
        Import-Module $ModulePath -Force
        (Get-HubConfiguration).PSTypeNames[0] | Should -Be 'ModelHub.Configuration'
    }
}

Describe 'Every exported cmdlet' -ForEach $Cmdlets {
    BeforeAll {
        $script:Command = Get-Command $Name -Module ModelHub
        $script:Help = Get-Help $Name -Full
        $script:Doc = Get-Content -Raw (Join-Path $PSScriptRoot "../../docs/en-US/$Name.md")
        $script:Common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
    }

    It '<Name> uses an approved verb' {
        (Get-Verb).Verb | Should -Contain $Command.Verb
    }

    It '<Name> declares its output type' {
        $Command.OutputType.Name | Should -Not -BeNullOrEmpty
        $Command.OutputType.Name | Should -Not -Contain 'System.Object'
    }

    It '<Name> has a synopsis and a description' {
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis | Should -Not -Match '^\s*\S+\s*\[' -Because 'a generated syntax line is not a synopsis'
        ($Help.Description.Text -join '') | Should -Not -BeNullOrEmpty
    }

    It '<Name> has at least two examples, each with code and an explanation' {
        @($Help.Examples.Example).Count | Should -BeGreaterOrEqual 2
        foreach ($example in $Help.Examples.Example) {
            $example.Code | Should -Not -BeNullOrEmpty
            ($example.Remarks.Text -join '') | Should -Not -BeNullOrEmpty
        }
    }

    It '<Name> documents every parameter, and only real ones' {
        $parameters = $Command.Parameters.Keys | Where-Object { $_ -notin $Common }
        foreach ($parameter in $parameters) {
            $entry = $Help.Parameters.Parameter | Where-Object Name -eq $parameter
            ($entry.Description.Text -join '') | Should -Not -BeNullOrEmpty -Because "-$parameter needs a description"
        }
        # -WhatIf and -Confirm are documented like platyPS does, but are common parameters.
        $documented = [regex]::Matches($Doc, '(?m)^### -(\w+)') | ForEach-Object { $_.Groups[1].Value } | Where-Object { $_ -notin $Common }
        @($documented) | Sort-Object | Should -Be @($parameters | Sort-Object)
    }

    It '<Name> names its output type in its help' {
        $outputs = ($Help.ReturnValues.ReturnValue.Type.Name) -join ' '
        foreach ($type in $Command.OutputType.Name) {
            $outputs | Should -Match ([regex]::Escape($type))
        }
    }
}

Describe 'The about_ModelHub topic' {
    It 'is installed with the module' {
        Join-Path $ModuleFolder 'en-US/about_ModelHub.help.txt' | Should -Exist
        (Get-Help about_ModelHub | Out-String) | Should -Match 'MODELHUB_CIVITAI_ENDPOINT'
    }
}
