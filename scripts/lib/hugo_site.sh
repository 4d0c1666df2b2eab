# Sourced by scripts/bench: lays out a minimal Hugo site over the same Markdown files,
# with layouts that render what ours renders (a page per release, paged lists, tags,
# a feed, a sitemap), so the two builds do comparable work.
hugo_site() {
  local site=$1 content=$2
  mkdir -p "$site/layouts/_default" "$site/content"
  ln -sfn "$(cd "$content/releases" && pwd)" "$site/content/releases"
  cat >"$site/hugo.toml" <<'TOML'
baseURL = "https://bench.example.org/"
languageCode = "en"
title = "Benchmark newsroom"
disableKinds = []
[pagination]
  pagerSize = 10
[outputs]
  home = ["HTML", "RSS"]
TOML
  cat >"$site/layouts/_default/baseof.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>
HTML
  cat >"$site/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<article><h1>{{ .Title }}</h1><p>{{ .Params.dateline }} — {{ .Date.Format "2 January 2006" }}</p><p>{{ .Summary }}</p>{{ .Content }}<ul>{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul></article>{{ end }}
HTML
  cat >"$site/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><ol>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Date.Format "2006-01-02" }}</li>{{ end }}</ol>{{ end }}
HTML
  cp "$site/layouts/_default/list.html" "$site/layouts/index.html"
}
