//! Every route as a real HTML file, rendered by the app's own components: for link
//! previews and search engines, which run no script, and for readers without
//! WebAssembly. Each page also carries the JSON it was made from, so the app takes it
//! over without fetching or re-drawing anything different. Every value written into a
//! page here is escaped for where it goes, even those validated where they are read.

use std::path::Path;
use std::sync::Arc;

use newsroom::prerender::{self, MediaEntry, Page, PageData, PageMeta};
use newsroom_model::{
    document_title, text_direction, topic_feed_path, Block, Image, Release, Route, PAGE_DATA_ELEMENT, SITE_DATA_ELEMENT,
};
use serde_json::json;

use crate::address::{SiteAddress, MEDIA_PAGE};
use crate::built_site::{json, page_file, BuiltSite, ListPage, ReleasePage};
use crate::error::{ContentError, Position};
use crate::feed::{language_feed_path, language_feed_title, topic_feed_title};
use crate::policy::Policy;
use crate::site_file::SiteFile;
use crate::{boot_script, integrity, live_reload, stylesheets};

/// Marks a page this build wrote, so it is never mistaken for Trunk's shell.
const GENERATOR: &str = r#"<meta name="generator" content="newsroom content-build">"#;

/// Trunk's `index.html`, cut into what every page shares.
pub struct Shell {
    /// The head without the template's title and description: charset, viewport, base,
    /// styles and the app's script.
    head: String,
    /// The scripts Trunk appends to the body: under `trunk serve`, its live-reload client.
    body_scripts: String,
}

impl Shell {
    /// `None` when the file is not Trunk's shell (a page this build already wrote).
    pub fn parse(html: &str) -> Option<Shell> {
        if html.contains(GENERATOR) {
            return None;
        }
        let start = html.find("<head>")? + "<head>".len();
        let end = html.find("</head>")?;
        let mut head = html[start..end].to_string();
        let body = html.find("<body").map_or("", |body_start| &html[body_start..]);
        let body_scripts = live_reload::scripts_in(body);
        for (open, close) in [("<title>", "</title>"), ("<meta name=\"description\"", ">"), ("<!--", "-->")] {
            while let Some(from) = head.find(open) {
                let to = from + head[from..].find(close)? + close.len();
                head.replace_range(from..to, "");
            }
        }
        Some(Shell { head, body_scripts })
    }

    /// The shell as a document that `parse` reads back the same: what Trunk's hook keeps
    /// for the watcher (`output::keep_shell`), which draws pages with it later.
    pub fn to_html(&self) -> String {
        format!("<!DOCTYPE html>\n<html>\n<head>{}</head>\n<body>{}</body>\n</html>\n", self.head, self.body_scripts)
    }

    /// See `integrity` and `boot_script`: the hashes in the head match the files as they
    /// will be served, and the browser checks them on everything that runs.
    pub fn refresh_integrity(&mut self, site_dir: &Path, public_path: &str) -> Result<(), ContentError> {
        integrity::refresh(&mut self.head, site_dir, public_path)?;
        boot_script::check_what_runs(&mut self.head, &site_dir.join("index.html"))
    }

    /// See `policy`: puts the policy of the scripts the shell now has at the top of the
    /// head, before anything it governs (`<base>` included), and returns it for the
    /// host's headers. `settings` is the file that sets `image_hosts`.
    pub fn apply_policy(&mut self, image_hosts: &[String], settings: &Path) -> Result<Policy, ContentError> {
        let policy = Policy::new(&format!("{}{}", self.head, self.body_scripts), image_hosts, settings)?;
        let tags = format!(
            r#"<meta http-equiv="Content-Security-Policy" content="{}"><meta name="referrer" content="no-referrer">"#,
            escape_attribute(&policy.for_meta())
        );
        let charset = r#"<meta charset="utf-8">"#;
        let at = self.head.find(charset).map_or(0, |start| start + charset.len());
        self.head.insert_str(at, &tags);
        Ok(policy)
    }

    /// The head without the app: for a page of plain HTML (the media page).
    fn head_without_scripts(&self) -> String {
        let mut head = self.head.clone();
        while let Some(from) = head.find("<script") {
            let Some(length) = head[from..].find("</script>") else { break };
            head.replace_range(from..from + length + "</script>".len(), "");
        }
        head
    }

    /// See `stylesheets`: the head then links one stylesheet instead of one per component.
    pub fn bundle_stylesheets(
        &mut self,
        site_dir: &Path,
        public_path: &str,
    ) -> Result<Option<stylesheets::Bundle>, ContentError> {
        stylesheets::bundle(&mut self.head, site_dir, public_path)
    }
}

/// Draws the site's pages with the app's own components, around Trunk's shell: the one
/// place the build calls `newsroom::prerender`, for the pages and for the text of feed
/// entries.
pub struct Renderer<'a> {
    built: &'a BuiltSite<'a>,
    address: &'a SiteAddress,
    shell: &'a Shell,
    /// `YYYY-MM-DD`: pages show the donation campaign running on the build's day.
    today: &'a str,
    /// The site settings' JSON as every page embeds it, so the app needs no request for it.
    site_json: String,
}

impl<'a> Renderer<'a> {
    pub fn new(built: &'a BuiltSite<'a>, address: &'a SiteAddress, shell: &'a Shell, today: &'a str) -> Renderer<'a> {
        Renderer { built, address, shell, today, site_json: embedded_json(&built.site_json) }
    }

    /// Every page: the home page, each list page, each release, the search page and the
    /// not-found page.
    pub fn pages(&self) -> Result<Vec<SiteFile>, ContentError> {
        let mut files = Vec::new();
        for list in &self.built.lists {
            if list.route == (Route::Archive { page: 1 }) {
                files.push(self.home(list)?);
            }
            files.push(self.list(list)?);
        }
        for release in &self.built.releases {
            files.push(self.release(release)?);
        }
        files.push(self.page(Route::Search, None, None)?);
        files.push(self.not_found()?);
        files.push(self.media());
        Ok(files)
    }

    /// The media page: every image of `content/media/` the releases show, by release,
    /// newest first. Plain HTML: the shell's scripts are left out (see
    /// `newsroom::prerender::media_page_body`).
    fn media(&self) -> SiteFile {
        let site = self.built.site;
        let entries: Vec<MediaEntry> = self
            .built
            .releases
            .iter()
            .filter_map(|page| {
                let release = page.release;
                let body_images = release.body.iter().filter_map(|block| match block {
                    Block::Image(image) => Some(image),
                    _ => None,
                });
                let images: Vec<Image> =
                    release.image.iter().chain(body_images).filter(|image| image.original.is_some()).cloned().collect();
                (!images.is_empty()).then(|| MediaEntry { listing: release.listing.clone(), images })
            })
            .collect();
        let text = prerender::media_text(&site.language);
        let meta = PageMeta {
            title: document_title(text.title, &site.name),
            description: text.intro.to_string(),
            canonical_url: self.address.file(MEDIA_PAGE),
            kind: "website",
            site_name: site.name.clone(),
            language: site.language.clone(),
            image: None,
            published: None,
            alternates: Vec::new(),
            feeds: vec![(
                self.address.file(&language_feed_path(&site.language)),
                language_feed_title(site, &site.language),
            )],
        };
        let head = prerender::head_html(meta);
        let body = prerender::media_page_body(site, self.address.public_path(), MEDIA_PAGE, self.today, entries);
        let html = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>{GENERATOR}{}{head}</head>\n<body>{body}{}</body>\n</html>\n",
            escape_attribute(&site.language),
            escape_attribute(text_direction(&site.language).as_html()),
            self.shell.head_without_scripts(),
            self.shell.body_scripts,
        );
        SiteFile::new(MEDIA_PAGE, html.into_bytes())
    }

    /// The home page shows the first page of all releases.
    fn home(&self, first: &ListPage) -> Result<SiteFile, ContentError> {
        self.page(Route::Home, Some(PageData::List(Arc::clone(&first.index))), Some(&first.json))
    }

    fn list(&self, list: &ListPage) -> Result<SiteFile, ContentError> {
        self.page(list.route.clone(), Some(PageData::List(Arc::clone(&list.index))), Some(&list.json))
    }

    fn release(&self, release: &ReleasePage) -> Result<SiteFile, ContentError> {
        let data = PageData::Release(Arc::new(release.release.clone()));
        self.page(release.route.clone(), Some(data), Some(&release.json))
    }

    /// `404.html`, which static hosts answer unknown paths with.
    fn not_found(&self) -> Result<SiteFile, ContentError> {
        self.page(Route::NotFound, None, None)
    }

    /// A release's text as HTML, drawn as its page draws it: the full text of a feed entry.
    pub fn release_body_html(&self, body: Vec<Block>, language: &str) -> String {
        prerender::release_body_html(body, language)
    }

    /// The page of `route`, drawn from `data`, which it also carries as `data_json` for the
    /// app. Data that is not what the route is made from is a mistake in this build, an
    /// error rather than a page that quietly says "Page not found".
    fn page(&self, route: Route, data: Option<PageData>, data_json: Option<&[u8]>) -> Result<SiteFile, ContentError> {
        let file = page_file(&route);
        let html = self.document(&route, data, data_json).ok_or_else(|| {
            ContentError::new(Path::new(&file), Position::START, "this page was given data that is not its route's")
        })?;
        Ok(SiteFile::new(&file, html.into_bytes()))
    }

    /// `None` if `data` is not what `route` is made from.
    fn document(&self, route: &Route, data: Option<PageData>, data_json: Option<&[u8]>) -> Option<String> {
        let site = self.built.site;
        let release = match &data {
            Some(PageData::Release(release)) => Some(Arc::clone(release)),
            _ => None,
        };
        let release = release.as_deref();
        let language = release.map_or(site.language.as_str(), |release| release.listing.language.as_str());
        let base_path = self.address.public_path();
        let page = Page { route, data, language, site, base_path, today: self.today };
        let topic = match (route, &page.data) {
            (Route::Tag { slug, .. }, Some(PageData::List(index))) => {
                index.tag.as_deref().map(|name| (slug.as_str(), name))
            }
            _ => None,
        };
        let head = prerender::head_html(self.meta(route, &page.title(), release, topic));
        let body = page.body_html().ok()?;
        let page_data = match (route.data_path(), data_json) {
            (Some(path), Some(data_json)) => {
                format!(
                    r#"<script type="application/json" id="{PAGE_DATA_ELEMENT}" data-path="{}">{}</script>"#,
                    escape_attribute(&path),
                    embedded_json(data_json)
                )
            }
            _ => String::new(),
        };
        let structured_data = release.map(|release| self.structured_data(release)).unwrap_or_default();
        // The search page's results (src/routes/search.rs), on that page only.
        let search_script = if *route == Route::Search {
            format!(r#"<script type="module" src="{}search.js"></script>"#, escape_attribute(base_path))
        } else {
            String::new()
        };
        let (shell, site_json) = (self.shell, &self.site_json);
        Some(format!(
            "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>{GENERATOR}{}{head}{structured_data}{search_script}<script type=\"application/json\" id=\"{SITE_DATA_ELEMENT}\">{site_json}</script>{page_data}</head>\n<body>{body}{}</body>\n</html>\n",
            escape_attribute(language),
            escape_attribute(text_direction(language).as_html()),
            shell.head,
            shell.body_scripts,
        ))
    }

    /// `topic`: the slug and name of the topic a list page shows.
    fn meta(&self, route: &Route, title: &str, release: Option<&Release>, topic: Option<(&str, &str)>) -> PageMeta {
        let (site, address) = (self.built.site, self.address);
        let language = release.map_or(site.language.clone(), |release| release.listing.language.clone());
        let image = release
            .and_then(|release| release.image.as_ref())
            .and_then(|image| Some((self.preview_image(image)?, image.alt.clone())));
        let alternates = release
            .map(|release| {
                release
                    .translations
                    .iter()
                    .map(|version| {
                        (version.language.clone(), address.page(&Route::Release { slug: version.slug.clone() }))
                    })
                    .collect()
            })
            .unwrap_or_default();
        PageMeta {
            title: title.to_string(),
            description: release.map_or_else(|| site.tagline.clone(), |release| release.listing.summary.clone()),
            canonical_url: address.page(route),
            kind: if release.is_some() { "article" } else { "website" },
            site_name: site.name.clone(),
            language: language.clone(),
            image,
            published: release.map(|release| release.listing.published.clone()),
            alternates,
            feeds: topic
                .map(|(slug, name)| (address.file(&topic_feed_path(slug)), topic_feed_title(site, name)))
                .into_iter()
                .chain([(address.file(&language_feed_path(&language)), language_feed_title(site, &language))])
                .collect(),
        }
    }

    /// schema.org's NewsArticle, which search engines read for news results.
    fn structured_data(&self, release: &Release) -> String {
        let listing = &release.listing;
        let url = self.address.page(&Route::Release { slug: listing.slug.clone() });
        let organization =
            json!({ "@type": "Organization", "name": self.built.site.name, "url": self.address.page(&Route::Home) });
        let mut article = json!({
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": listing.title,
            "description": listing.summary,
            "datePublished": listing.published,
            "dateModified": listing.published,
            "inLanguage": listing.language,
            "mainEntityOfPage": url,
            "url": url,
            "author": organization,
            "publisher": organization,
            "keywords": listing.tags.iter().map(|tag| tag.name.as_str()).collect::<Vec<_>>(),
        });
        if let Some(src) = release.image.as_ref().and_then(|image| self.preview_image(image)) {
            article["image"] = json!([src]);
        }
        format!(r#"<script type="application/ld+json">{}</script>"#, embedded_json(&json(&article)))
    }

    /// What link previews and search engines show of a lead image: its 1200×630 card
    /// (`pictures`); or the image itself when it is on another host or a GIF, which
    /// the build makes no copies of; never an SVG, which they do not read.
    fn preview_image(&self, image: &Image) -> Option<String> {
        let original = image.original.as_ref().map(|original| original.href.as_str());
        match original.and_then(|href| self.built.cards.get(href)) {
            Some(card) => Some(self.absolute(card)),
            None if image.src.to_ascii_lowercase().ends_with(".svg") => None,
            None => Some(self.absolute(&image.src)),
        }
    }

    /// An image's address for another site (a link preview, a search engine).
    fn absolute(&self, src: &str) -> String {
        if src.starts_with("https://") {
            src.to_string()
        } else {
            self.address.file(src)
        }
    }
}

/// A value inside a double-quoted attribute (as every attribute here is): no text can
/// end the value or start a character reference.
fn escape_attribute(value: &str) -> String {
    value.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// JSON inside `<script>`: `<` escaped, so no text in the content can end the element.
fn embedded_json(json: &[u8]) -> String {
    String::from_utf8_lossy(json).replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK_SHELL: &str = "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n  <meta charset=\"utf-8\">\n  <!-- a comment -->\n  <base href=\"/\">\n  <title>Newsroom</title>\n  <meta name=\"description\" content=\"x\">\n  <link rel=\"stylesheet\" href=\"/base-1.css\">\n<script type=\"module\">import init from '/app.js';</script></head>\n<body><noscript>x</noscript></body>\n</html>";

    #[test]
    fn the_shell_keeps_what_every_page_shares() {
        let shell = Shell::parse(TRUNK_SHELL).unwrap();
        assert!(
            shell.head.contains("<base href=\"/\">")
                && shell.head.contains("/base-1.css")
                && shell.head.contains("/app.js")
        );
        assert!(
            !shell.head.contains("<title>") && !shell.head.contains("description") && !shell.head.contains("comment")
        );
    }

    #[test]
    fn the_shell_kept_for_the_watcher_reads_back_the_same() {
        let shell = Shell::parse(&format!(
            "{TRUNK_SHELL}<script>const address = '{{{{__TRUNK_ADDRESS__}}}}'; '.well-known/trunk/ws';</script>"
        ))
        .unwrap();
        let again = Shell::parse(&shell.to_html()).unwrap();
        assert_eq!((again.head, again.body_scripts), (shell.head, shell.body_scripts));
    }

    #[test]
    fn a_page_already_written_is_not_a_shell() {
        assert!(Shell::parse(&format!("<head>{GENERATOR}</head>")).is_none());
    }

    #[test]
    fn the_policy_comes_before_everything_it_governs() {
        let mut shell = Shell::parse(TRUNK_SHELL).unwrap();
        let policy = shell.apply_policy(&[], Path::new("site.toml")).unwrap();
        assert!(shell.head.starts_with(&format!("\n  <meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" content=\"{}\"><meta name=\"referrer\" content=\"no-referrer\">", policy.for_meta())), "{}", shell.head);
        assert!(policy.for_meta().contains("'sha256-"), "the boot script is hashed: {}", policy.for_meta());
    }

    #[test]
    fn attribute_values_cannot_end_their_attribute() {
        assert_eq!(
            escape_attribute(r#"en" onload="x()" <b>&amp;"#),
            "en&quot; onload=&quot;x()&quot; &lt;b&gt;&amp;amp;"
        );
    }

    #[test]
    fn embedded_json_cannot_close_its_script() {
        assert_eq!(embedded_json(br#"{"a":"</script>"}"#), r#"{"a":"\u003c/script>"}"#);
    }
}
