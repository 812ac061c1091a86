BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    Import-Module $ModulePath -Force
    $script:Show = 'ModelHub.PowerShell.Cmdlets.ShowHubModelGalleryCommand'
    # The run's test output (out/TestResults, beside the laid-out module): pages, screenshots and the npm cache.
    $script:GalleryOutput = Join-Path (Split-Path -Parent $ModuleFolder) 'TestResults/gallery'
    $null = New-Item -ItemType Directory -Force -Path $GalleryOutput

    function Get-Card([string] $Path) {
        # The cards of a written page, as (name, images) pairs, read with a regex: the page's markup is our own.
        $html = Get-Content -Raw $Path
        foreach ($card in [regex]::Matches($html, '<article class="card".*?</article>', 'Singleline')) {
            [pscustomobject]@{
                Name   = [System.Net.WebUtility]::HtmlDecode([regex]::Match($card.Value, '<h2>(?:<a [^>]*>)?(.*?)(?:</a>)?</h2>').Groups[1].Value)
                Images = @([regex]::Matches($card.Value, '<img loading="lazy" src="([^"]+)"') | ForEach-Object { [System.Net.WebUtility]::HtmlDecode($_.Groups[1].Value) })
            }
        }
    }
}

Describe 'Show-HubModelGallery' {
    BeforeEach {
        $script:Saved = Enter-EmulatorTest
        Reset-HubEmulator
    }

    AfterEach {
        Reset-HubEmulator
        Restore-ModelHubEnvironment $Saved
    }

    It 'writes one page with a card per model and its sample images from the hubs' {
        $models = @(Find-HubModel -Hub Civitai -Type LoRA -First 3) + @(Find-HubModel -Hub HuggingFace -First 2)
        $path = Join-Path $TestDrive 'gallery.html'

        $file = $models | Show-HubModelGallery -Path $path -ImageCount 2 -NoOpen -PassThru

        $file | Should -BeOfType [System.IO.FileInfo]
        $file.FullName | Should -Be $path
        $cards = @(Get-Card $path)
        $cards.Name | Should -Be @($models | ForEach-Object { if ($_.Name) { $_.Name } else { $_.Id } })
        $cards | Where-Object { $_.Images.Count -gt 2 } | Should -BeNullOrEmpty
        @($cards | Where-Object { $_.Images.Count -gt 0 }).Count | Should -BeGreaterThan 0
        $cards.Images | ForEach-Object { $_ | Should -Match '^https?://' }
        Get-Content -Raw $path | Should -Match 'Install-HubModel civitai:\d+'
    }

    It 'fetches no images with -ImageCount 0 and writes nothing without -PassThru' {
        $path = Join-Path $TestDrive 'no-images.html'

        $output = Find-HubModel -Hub Civitai -First 2 | Show-HubModelGallery -Path $path -ImageCount 0 -NoOpen

        $output | Should -BeNullOrEmpty
        (Get-Card $path).Images | Should -BeNullOrEmpty
        Get-EmulatorRequest Civitai | Where-Object path -eq '/api/v1/images' | Should -BeNullOrEmpty
    }

    It 'names the page after the time in the temp folder when no -Path is given' {
        $file = Find-HubModel -Hub Civitai -First 1 | Show-HubModelGallery -ImageCount 0 -NoOpen -PassThru
        try {
            $file.DirectoryName | Should -Be ([System.IO.Path]::GetTempPath().TrimEnd([System.IO.Path]::DirectorySeparatorChar))
            $file.Name | Should -Match '^ModelHub-Gallery-\d{8}-\d{6}-\d{3}\.html$'
        }
        finally {
            Remove-Item $file.FullName
        }
    }

    It 'reports each model whose images fail and still writes the page' {
        $models = @(Find-HubModel -Hub Civitai -First 2)
        Add-EmulatorFault Civitai @{ path = '/api/v1/images'; status = @(503) * 10 }
        $path = Join-Path $TestDrive 'failing.html'

        $file = $models | Show-HubModelGallery -Path $path -NoOpen -PassThru -ErrorVariable problems -ErrorAction SilentlyContinue

        $problems.Count | Should -Be 2
        $problems | ForEach-Object { $_.FullyQualifiedErrorId | Should -Be "HubUnavailable,$Show" }
        ($problems.TargetObject | Sort-Object) | Should -Be @($models | ForEach-Object { "civitai:$($_.Id)" } | Sort-Object)
        $file.FullName | Should -Be $path
        @(Get-Card $path).Count | Should -Be 2
    }

    It 'reports a -Path that cannot be written (GalleryNotWritten)' {
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'taken.html')

        $file = Find-HubModel -Hub Civitai -First 1 | Show-HubModelGallery -Path $folder.FullName -ImageCount 0 -NoOpen -PassThru -ErrorVariable problems -ErrorAction SilentlyContinue

        $file | Should -BeNullOrEmpty
        $problems[0].FullyQualifiedErrorId | Should -Be "GalleryNotWritten,$Show"
        $problems[0].TargetObject | Should -Be $folder.FullName
    }

    It 'refuses -IncludeNsfw under the Strict content policy' {
        $null = New-Item -ItemType Directory -Force -Path $env:MODELHUB_HOME
        '{ "ContentPolicy": "Strict" }' | Set-Content (Join-Path $env:MODELHUB_HOME 'settings.json')
        $models = @(Find-HubModel -Hub Civitai -First 1)

        { $models | Show-HubModelGallery -IncludeNsfw -NoOpen -Path (Join-Path $TestDrive 'x.html') } | Should -Throw -ErrorId "ContentPolicyViolation,$Show"
        Join-Path $TestDrive 'x.html' | Should -Not -Exist
    }

    Context 'in headless Chromium' {
        BeforeAll {
            # Debian's Chromium (installed when missing, as CI does) driven by playwright-core from npm, cached
            # in the test output and reused; playwright never downloads a browser of its own here.
            if (-not (Test-Path /usr/bin/chromium)) {
                & apt-get update -qq | Out-Null
                & apt-get install -y -qq chromium | Out-Null
                if ($LASTEXITCODE -ne 0) { throw "apt-get install chromium failed with exit code $LASTEXITCODE." }
            }

            $playwrightVersion = '1.65.1'
            $script:NodeModules = Join-Path $GalleryOutput 'node'
            $installed = Join-Path $NodeModules 'node_modules/playwright-core/package.json'
            if (-not (Test-Path $installed) -or (Get-Content -Raw $installed | ConvertFrom-Json).version -ne $playwrightVersion) {
                $null = New-Item -ItemType Directory -Force -Path $NodeModules
                & npm install --prefix $NodeModules --no-audit --no-fund --loglevel error "playwright-core@$playwrightVersion" | Out-Null
                if ($LASTEXITCODE -ne 0) { throw "npm install playwright-core failed with exit code $LASTEXITCODE." }
            }

            function Invoke-GalleryBrowser([string] $Page, [string] $Filter, [string] $Name, [string] $ColorScheme = 'light') {
                # Runs browser/gallery.mjs on the page and returns what it saw.
                $settings = Join-Path $TestDrive "$Name.json"
                @{
                    page           = $Page
                    modules        = $NodeModules
                    filter         = $Filter
                    hub            = 'HuggingFace'
                    colorScheme    = $ColorScheme
                    screenshot     = Join-Path $GalleryOutput "$Name.png"
                    fullScreenshot = Join-Path $GalleryOutput "$Name-full.png"
                    parametersScreenshot = Join-Path $GalleryOutput "$Name-parameters.png"
                } | ConvertTo-Json | Set-Content $settings
                $output = & node (Join-Path $PSScriptRoot 'browser/gallery.mjs') $settings
                if ($LASTEXITCODE -ne 0) { throw "The browser run failed with exit code ${LASTEXITCODE}: $output" }
                ($output | Select-Object -Last 1) | ConvertFrom-Json
            }
        }

        It 'shows every card with its images, parameters on click, a working filter, and a hostile name as text' {
            # Model properties are init-only and the type cannot be named from PowerShell (it lives in the module's
            # load context), but parameter binding builds a ModelHub.Model from a hashtable: that is the hostile model.
            $hostile = @{ Hub = 'Civitai'; Id = '999999'; Name = '<script>alert(1)</script>'; Type = 'Checkpoint'; Downloads = 1 }
            # The issue's own example: anime LoRAs of both hubs, interleaved.
            $models = @(Find-HubModel anime -Type LoRA -First 12)
            $page = Join-Path $GalleryOutput 'gallery.html'
            # The hostile model has no images on the emulator (HubModelNotFound): that error is expected.
            $null = @($models) + $hostile | Show-HubModelGallery -Path $page -NoOpen -ErrorAction SilentlyContinue
            # A filter that matches one card: the name of the first Hugging Face model.
            $filter = ($models | Where-Object Hub -eq HuggingFace | Select-Object -First 1).Name

            $seen = Invoke-GalleryBrowser -Page $page -Filter $filter -Name 'gallery'
            if ($env:MODELHUB_UPDATE_GALLERY_SCREENSHOT) {
                # docs/gallery.png (the README's picture) is refreshed only when asked, so test runs leave the work tree alone.
                Copy-Item (Join-Path $GalleryOutput 'gallery-parameters.png') (Join-Path $PSScriptRoot '../../docs/gallery.png')
            }

            $seen.dialogs | Should -BeNullOrEmpty
            $seen.pageErrors | Should -BeNullOrEmpty
            $seen.consoleErrors | Should -BeNullOrEmpty
            $seen.scripts | Should -Be 1
            $seen.cards.Count | Should -Be ($models.Count + 1)
            $seen.cards[-1].name | Should -Be '<script>alert(1)</script>'
            $seen.toolbarShown | Should -BeTrue
            $seen.copyButtonsShown | Should -Be $seen.cards.Count
            # Headless Chromium may refuse clipboard access to a file: page; then the command is selected instead.
            $seen.copyLabel | Should -BeIn @('Copied', 'Press Ctrl+C')

            $seen.cards | Where-Object { $_.hub -eq 'Civitai' -and $_.images -gt 0 } | Should -Not -BeNullOrEmpty
            $seen.cards | Where-Object { $_.hub -eq 'HuggingFace' -and $_.images -gt 0 } | Should -Not -BeNullOrEmpty
            $seen.images | ForEach-Object {
                $_.loading | Should -Be 'lazy'
                $_.naturalWidth | Should -BeGreaterThan 0 -Because "$($_.src) should load"
            }

            $seen.parameters.shownBefore | Should -BeFalse
            $seen.parameters.shownAfterClick | Should -BeTrue
            $seen.parameters.text | Should -Match 'Prompt'
            $seen.parameters.shownAfterSecondClick | Should -BeFalse

            $shown = @($seen.filtered.cards | Where-Object shown)
            $shown.Count | Should -BeGreaterThan 0
            $shown.Count | Should -BeLessThan $seen.cards.Count
            $shown | ForEach-Object { $_.search | Should -Match ([regex]::Escape($filter.ToLowerInvariant())) }
            $seen.filtered.cards | Where-Object { -not $_.shown -and $_.search -match ([regex]::Escape($filter.ToLowerInvariant())) } | Should -BeNullOrEmpty
            $seen.filtered.count | Should -Be "$($shown.Count) of $($seen.cards.Count) models"
            $seen.unfiltered | Should -Be $seen.cards.Count

            @($seen.hubFiltered | Where-Object shown).hub | Sort-Object -Unique | Should -Be 'HuggingFace'
            $downloads = $seen.byDownloads | ForEach-Object { if ($_) { [long]$_ } else { -1 } }
            $downloads | Should -Be ($downloads | Sort-Object -Descending)
            $seen.byName[0] | Should -Be '<script>alert(1)</script>'

            Join-Path $GalleryOutput 'gallery.png' | Should -Exist
            Join-Path $GalleryOutput 'gallery-parameters.png' | Should -Exist
        }
    }
}
