//! Writes everything the content build makes into the site folder, all or nothing: the
//! whole site after Trunk's build, or (`write_changed`) only the files whose bytes
//! changed since the watcher's last build.

use newsroom_model::Route;
use std::collections::{HashMap, HashSet};
use std::fs;
use std::hash::{BuildHasher, RandomState};
use std::path::{Component, Path, PathBuf};

use crate::address::{SiteAddress, MEDIA_PAGE};
use crate::built_site::{BuiltSite, Drawn};
use crate::content::{self, Content, Options};
use crate::error::{shown, ContentError, Position};
use crate::pages::{Renderer, Shell};
use crate::site_file::SiteFile;
use crate::{body_urls, contact_card, feed, host_headers, json_files, pictures, search, share, sitemap, stylesheets};

/// The top-level entries the content build owns in the site folder; the rest is Trunk's.
const OWNED: &[&str] = &[
    "data",
    "feeds",
    "contacts",
    "media",
    pictures::FOLDER,
    MEDIA_PAGE,
    stylesheets::FOLDER,
    "feed.xml",
    "sitemap.xml",
    "robots.txt",
    "index.html",
    "404.html",
    "search",
    "share",
    "archive",
    "releases",
    "tags",
    host_headers::FILE,
];

/// Builds the whole site into `site_dir`, where Trunk has put the app and its
/// `index.html` shell. With `keep_shell`, the shell as the pages use it (integrity
/// checked, stylesheets bundled) and the public path are saved there, for the watcher.
pub fn build(
    content_dir: &Path,
    site_dir: &Path,
    options: Options,
    public_path: &str,
    keep_shell: Option<&Path>,
) -> Result<String, Vec<ContentError>> {
    let shell_path = site_dir.join("index.html");
    let mut shell = fs::read_to_string(&shell_path).ok().and_then(|html| Shell::parse(&html)).ok_or_else(|| {
        vec![ContentError::new(
            &shell_path,
            Position::START,
            "this is not Trunk's index.html: run the content build from `trunk build` or `trunk serve`, which call it",
        )]
    })?;
    let content = content::read(content_dir, options)?;
    let address = SiteAddress::new(&content.origin, public_path);
    shell.refresh_integrity(site_dir, address.public_path()).map_err(|error| vec![error])?;
    let stylesheet = shell.bundle_stylesheets(site_dir, address.public_path()).map_err(|error| vec![error])?;
    if let Some(kept) = keep_shell {
        let text = format!("{}\n{}", address.public_path(), shell.to_html());
        fs::write(kept, text)
            .map_err(|error| vec![ContentError::new(kept, Position::START, format!("cannot write: {error}"))])?;
    }
    let releases = content.releases.len();
    let mut files = site_files(content, shell, &address, (content_dir, site_dir), options, &mut Drawn::default())?;
    let replaced_stylesheets = stylesheet.map(|bundle| {
        files.push(bundle.file);
        bundle.replaced
    });
    write_all(site_dir, &files).map_err(|error| vec![error])?;
    for path in replaced_stylesheets.into_iter().flatten() {
        fs::remove_file(&path)
            .map_err(|error| vec![ContentError::new(&path, Position::START, format!("cannot remove: {error}"))])?;
    }
    Ok(format!("{releases} releases, {} files written to {}", files.len(), site_dir.display()))
}

/// The shell and public path `build` kept in `file`, or why there are none.
pub fn kept_shell(file: &Path) -> Result<(Shell, String), ContentError> {
    let text = fs::read_to_string(file)
        .map_err(|error| ContentError::new(file, Position::START, format!("cannot read the kept shell: {error}")))?;
    text.split_once('\n')
        .and_then(|(public_path, html)| Some((Shell::parse(html)?, public_path.to_string())))
        .ok_or_else(|| ContentError::new(file, Position::START, "this is not a shell the content build kept"))
}

/// Every file the content build makes from `content`, around `shell` (integrity checked,
/// stylesheets bundled), but for the pages `drawn` says are drawn from what they are
/// made of now: those are on disk already (see `BuiltSite::redrawn`). Image copies
/// already in the site folder are used again (see `pictures`).
pub fn site_files(
    mut content: Content,
    mut shell: Shell,
    address: &SiteAddress,
    (content_dir, site_dir): (&Path, &Path),
    options: Options,
    drawn: &mut Drawn,
) -> Result<Vec<SiteFile>, Vec<ContentError>> {
    let pictures = pictures::make(
        &content.media,
        &mut content.releases,
        &content_dir.join("media"),
        &site_dir.join(pictures::FOLDER),
    )?;
    content.cards = pictures.cards;
    for release in &mut content.releases {
        body_urls::serve_under(&mut release.body, address);
    }
    body_urls::serve_under(&mut content.site.about, address);
    let policy =
        shell.apply_policy(&content.site.image_hosts, &content_dir.join("site.toml")).map_err(|error| vec![error])?;
    let today = chrono::DateTime::from_timestamp(options.now, 0).unwrap_or_default().format("%Y-%m-%d").to_string();
    let built = BuiltSite::new(&content);
    let mut files = json_files::json_files(&built);
    let everything = Renderer::new(&built, address, &shell, &today);
    files.extend(feed::feeds(&built, address, |body, language| everything.release_body_html(body, language)));
    let home = address.page(&Route::Home);
    files.extend(contact_card::cards(
        contact_card::contacts(&content.site, &content.releases),
        &content.site.name,
        &home,
    ));
    files.extend(search::files(&built));
    files.push(share::text());
    files.push(sitemap::sitemap(&built, address));
    files.push(sitemap::robots(address, options.drafts));
    files.push(host_headers::file(&policy, address.public_path()));
    let shared =
        [shell.to_html().as_bytes(), &built.site_json, address.on_host("").as_bytes(), today.as_bytes()].join(&0);
    let to_draw = built.redrawn(shared, drawn);
    files.extend(Renderer::new(&to_draw, address, &shell, &today).pages().map_err(|error| vec![error])?);
    for image in std::mem::take(&mut content.media) {
        files.push(SiteFile::new(&image.target, image.contents));
    }
    files.extend(pictures.files);
    Ok(files)
}

/// Writes beside the old output, then swaps each entry in, so a reader or a server never
/// sees half a build. Every path must stay inside the site folder: content is checked
/// before it names a file, and this refuses anything that slipped through all the same.
fn write_all(site_dir: &Path, files: &[SiteFile]) -> Result<(), ContentError> {
    let failed =
        |path: &Path, error: std::io::Error| ContentError::new(path, Position::START, format!("cannot write: {error}"));
    if let Some(file) = files.iter().find(|file| !stays_inside(&file.path)) {
        return Err(ContentError::new(
            site_dir,
            Position::START,
            format!("refusing to write `{}`: every file the build writes is inside the site folder", shown(&file.path)),
        ));
    }
    let staging = site_dir.join(".content-being-written");
    let _ = fs::remove_dir_all(&staging);
    for file in files {
        let path = staging.join(&file.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|error| failed(parent, error))?;
        }
        fs::write(&path, &file.contents).map_err(|error| failed(&path, error))?;
    }
    for name in OWNED {
        let (new, old): (PathBuf, PathBuf) = (staging.join(name), site_dir.join(name));
        if old.is_dir() {
            fs::remove_dir_all(&old).map_err(|error| failed(&old, error))?;
        } else if old.exists() {
            fs::remove_file(&old).map_err(|error| failed(&old, error))?;
        }
        if new.exists() {
            fs::rename(&new, &old).map_err(|error| failed(&old, error))?;
        }
    }
    fs::remove_dir_all(&staging).map_err(|error| failed(&staging, error))
}

/// What the watcher has written: a hash of each file's bytes, by path (keyed by a
/// random key, so content cannot be made to collide), so a build writes only what
/// changed, instead of 198 MB of files at 10,000 releases.
#[derive(Default)]
pub struct Written {
    /// `None` until the first build has looked at what is on disk.
    hashes: Option<HashMap<String, u64>>,
    key: RandomState,
}

impl Written {
    /// The files the content build owns in `site_dir`, but the stylesheet bundle (the
    /// watcher draws with the shell that links it and never writes it), with their hashes.
    fn on_disk(&self, site_dir: &Path) -> HashMap<String, u64> {
        let mut hashes = HashMap::new();
        let mut pending: Vec<String> =
            OWNED.iter().filter(|name| **name != stylesheets::FOLDER).map(|name| name.to_string()).collect();
        while let Some(path) = pending.pop() {
            let full = site_dir.join(&path);
            let Ok(metadata) = fs::symlink_metadata(&full) else { continue };
            if metadata.is_dir() {
                let entries = fs::read_dir(&full).into_iter().flatten().filter_map(Result::ok);
                pending.extend(entries.map(|entry| format!("{path}/{}", entry.file_name().to_string_lossy())));
            } else if let Ok(bytes) = fs::read(&full) {
                hashes.insert(path, self.key.hash_one(&bytes));
            }
        }
        hashes
    }
}

/// Writes the files whose bytes are not those last written here (at the first call: those
/// on disk), each to a temporary file then renamed over the old one, so the server never
/// sends half a page; then removes the files that neither `files` nor `also_kept` name
/// any more (a release deleted or renamed). Returns how many files it wrote and removed.
/// On an error `written` forgets everything, so the next call looks at the disk again.
pub fn write_changed<'a>(
    site_dir: &Path,
    files: &'a [SiteFile],
    also_kept: impl Iterator<Item = &'a str>,
    written: &mut Written,
) -> Result<(usize, usize), ContentError> {
    if let Some(file) = files.iter().find(|file| !stays_inside(&file.path)) {
        return Err(ContentError::new(
            site_dir,
            Position::START,
            format!("refusing to write `{}`: every file the build writes is inside the site folder", shown(&file.path)),
        ));
    }
    let mut wrote = 0;
    let mut hashes = match written.hashes.take() {
        Some(hashes) => hashes,
        None => written.on_disk(site_dir),
    };
    for file in files {
        let hash = written.key.hash_one(&file.contents);
        let path = site_dir.join(&file.path);
        if hashes.get(&file.path) != Some(&hash) {
            replace(&path, &file.contents)?;
            wrote += 1;
        }
        hashes.insert(file.path.clone(), hash);
    }
    let current: HashSet<&str> = files.iter().map(|file| file.path.as_str()).chain(also_kept).collect();
    let gone: Vec<String> = hashes.keys().filter(|path| !current.contains(path.as_str())).cloned().collect();
    for path in &gone {
        hashes.remove(path);
        let file = site_dir.join(path);
        if file.exists() {
            fs::remove_file(&file)
                .map_err(|error| ContentError::new(&file, Position::START, format!("cannot remove: {error}")))?;
        }
        // A deleted release's folder, if it is now empty, so it does not answer as a page.
        if let Some(folder) = file.parent().filter(|folder| *folder != site_dir) {
            let _ = fs::remove_dir(folder);
        }
    }
    written.hashes = Some(hashes);
    Ok((wrote, gone.len()))
}

/// Writes `contents` to a temporary file beside `path`, then renames it over `path`: a
/// server reading `path` meanwhile sends the old file or the new one, never half of one.
pub fn replace(path: &Path, contents: &[u8]) -> Result<(), ContentError> {
    let failed =
        |path: &Path, error: std::io::Error| ContentError::new(path, Position::START, format!("cannot write: {error}"));
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|error| failed(parent, error))?;
    }
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!(".{name}.being-written"));
    fs::write(&temporary, contents).map_err(|error| failed(&temporary, error))?;
    fs::rename(&temporary, path).map_err(|error| failed(path, error))
}

/// `path` is relative and names a file below the folder it is joined to: no root, no
/// `..`, no `.`, no empty part, no backslash (a separator on Windows).
fn stays_inside(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && path.split('/').all(|part| !part.is_empty() && part != "." && part != "..")
        && Path::new(path).components().all(|part| matches!(part, Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use newsroom_model::{IndexPage, Release, Site, PAGE_SIZE};

    const NOW: i64 = 1_795_000_000; // 2026-11-17
    const SHELL: &str = "<!DOCTYPE html><html><head><title>x</title></head><body></body></html>";

    /// A folder for one test, removed when the test ends, passed or failed: the scale
    /// test alone writes a quarter of a gigabyte.
    struct Scratch(tempfile::TempDir);

    impl std::ops::Deref for Scratch {
        type Target = Path;
        fn deref(&self) -> &Path {
            self.0.path()
        }
    }

    fn scratch(name: &str) -> Scratch {
        let dir = Scratch(tempfile::Builder::new().prefix(&format!("content-build-test-{name}-")).tempdir().unwrap());
        fs::create_dir_all(dir.join("content/releases")).unwrap();
        fs::create_dir_all(dir.join("site")).unwrap();
        fs::write(
            dir.join("site/index.html"),
            "<!DOCTYPE html><html><head><title>x</title></head><body></body></html>",
        )
        .unwrap();
        fs::write(
            dir.join("content/site.toml"),
            "name = \"N\"\norigin = \"https://news.example.org\"\ntagline = \"T\"\nlanguage = \"en\"\nabout = \"About.\"\n[contact]\nname = \"Press\"\n",
        )
        .unwrap();
        dir
    }

    fn write_release(dir: &Path, slug: &str, date: &str, extra: &str) {
        let text = format!("+++\ntitle = \"Title {slug}\"\ndate = {date}\ndateline = \"Geneva\"\nsummary = \"S\"\n{extra}\n+++\nBody of *{slug}*.\n");
        fs::write(dir.join(format!("content/releases/{slug}.md")), text).unwrap();
    }

    /// As Trunk does, each build starts from its `index.html` shell.
    fn run(dir: &Path, drafts: bool) -> Result<String, Vec<ContentError>> {
        fs::write(dir.join("site/index.html"), SHELL).unwrap();
        build(&dir.join("content"), &dir.join("site"), Options { drafts, now: NOW }, "/", None)
    }

    fn read_json<T: serde::de::DeserializeOwned>(path: PathBuf) -> T {
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
    }

    fn everything_written(dir: &Path) -> String {
        let mut all = String::new();
        let mut stack = vec![dir.join("site")];
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(fs::read_dir(&path).unwrap().map(|entry| entry.unwrap().path()));
            } else {
                all.push_str(&path.display().to_string());
                all.push_str(&fs::read_to_string(&path).unwrap_or_default());
            }
        }
        all
    }

    #[test]
    fn related_releases_share_most_topics_then_are_newest_in_the_same_language() {
        let dir = scratch("related");
        let release = |slug: &str, day: u32, extra: &str| {
            write_release(&dir, slug, &format!("2026-10-{day:02}T09:00:00Z"), extra);
        };
        release("subject", 10, r#"tags = ["A", "B", "C"]"#);
        release("two-shared-old", 1, r#"tags = ["A", "B"]"#);
        release("two-shared-new", 2, r#"tags = ["B", "C", "D"]"#);
        release("one-shared-newest", 9, r#"tags = ["C"]"#);
        release("one-shared-older", 8, r#"tags = ["A"]"#);
        release("nothing-shared", 11, r#"tags = ["D"]"#);
        release("other-language", 12, "tags = [\"A\", \"B\", \"C\"]\nlanguage = \"tr\"");
        run(&dir, false).unwrap();
        let related = |slug: &str| -> Vec<String> {
            let release: Release = read_json(dir.join(format!("site/data/releases/{slug}.json")));
            release.related.into_iter().map(|listing| listing.slug).collect()
        };
        assert_eq!(related("subject"), ["two-shared-new", "two-shared-old", "one-shared-newest"]);
        assert_eq!(related("nothing-shared"), ["two-shared-new"]);
        assert!(related("other-language").is_empty(), "a release in another language is not related");
        let subject: Release = read_json(dir.join("site/data/releases/subject.json"));
        assert_eq!(subject.related[0].title, "Title two-shared-new", "each is listed with its title, date and summary");
    }

    #[test]
    fn releases_are_paged_newest_first_and_linked_to_their_neighbours() {
        let dir = scratch("paging");
        for day in 1..=12 {
            let tags = if day % 2 == 0 { "tags = [\"Even days\"]" } else { "" };
            write_release(&dir, &format!("r{day:02}"), &format!("2026-10-{day:02}T09:00:00Z"), tags);
        }
        write_release(&dir, "last-year", "2025-06-01T09:00:00Z", "");
        run(&dir, false).unwrap();
        let first: IndexPage = read_json(dir.join("site/data/index/1.json"));
        assert_eq!((first.page, first.pages, first.total, first.releases.len()), (1, 2, 13, PAGE_SIZE));
        assert_eq!(first.releases[0].slug, "r12");
        let second: IndexPage = read_json(dir.join("site/data/index/2.json"));
        assert_eq!(second.releases.iter().map(|r| r.slug.as_str()).collect::<Vec<_>>(), ["r02", "r01", "last-year"]);
        let middle: Release = read_json(dir.join("site/data/releases/r05.json"));
        assert_eq!((middle.previous.unwrap().slug, middle.next.unwrap().slug), ("r04".into(), "r06".into()));
        let newest: Release = read_json(dir.join("site/data/releases/r12.json"));
        assert!(newest.next.is_none());
        let tagged: IndexPage = read_json(dir.join("site/data/tags/even-days/1.json"));
        assert_eq!((tagged.total, tagged.tag.as_deref()), (6, Some("Even days")));
        let year: IndexPage = read_json(dir.join("site/data/years/2025/1.json"));
        assert_eq!(year.releases.iter().map(|r| r.slug.as_str()).collect::<Vec<_>>(), ["last-year"]);
        let site: Site = read_json(dir.join("site/data/site.json"));
        assert_eq!(site.archive_years, [2026, 2025]);
    }

    #[test]
    fn all_errors_are_reported_and_nothing_is_written() {
        let dir = scratch("errors");
        write_release(&dir, "good", "2026-10-01T09:00:00Z", "");
        fs::write(
            dir.join("content/releases/bad-one.md"),
            "+++\ntitle = \"\"\ndate = 2026-10-01\ndateline = \"X\"\nsummary = \"S\"\n+++\nText\n",
        )
        .unwrap();
        fs::write(dir.join("content/releases/bad-two.md"), "no front matter").unwrap();
        let errors = run(&dir, false).unwrap_err();
        let files: Vec<String> =
            errors.iter().map(|error| error.file.file_name().unwrap().to_string_lossy().into_owned()).collect();
        assert_eq!(files, ["bad-one.md", "bad-one.md", "bad-two.md"], "{errors:?}");
        assert!(!dir.join("site/data").exists());
    }

    #[test]
    fn a_rebuild_replaces_the_old_output_whole() {
        let dir = scratch("rebuild");
        write_release(&dir, "first", "2026-10-01T09:00:00Z", "");
        run(&dir, false).unwrap();
        fs::remove_file(dir.join("content/releases/first.md")).unwrap();
        write_release(&dir, "second", "2026-10-02T09:00:00Z", "");
        run(&dir, false).unwrap();
        assert!(!dir.join("site/data/releases/first.json").exists());
        assert!(dir.join("site/data/releases/second.json").exists());
        assert!(!dir.join("site/.content-being-written").exists());
    }

    #[test]
    fn drafts_and_embargoed_releases_are_nowhere_unless_previewing() {
        let dir = scratch("drafts");
        write_release(&dir, "public", "2026-10-01T09:00:00Z", "tags = [\"Shared\"]");
        fs::create_dir_all(dir.join("content/media")).unwrap();
        fs::write(dir.join("content/media/secret-photo.png"), crate::pictures::tests::png(40, 30)).unwrap();
        write_release(
            &dir,
            "secret-draft",
            "2026-10-02T09:00:00Z",
            "draft = true\ntags = [\"Shared\"]\n[image]\nsrc = \"media/secret-photo.png\"\nalt = \"A photo\"",
        );
        write_release(
            &dir,
            "secret-embargo",
            "2026-10-03T09:00:00Z",
            "publish_at = 2027-01-01T00:00:00Z\ntags = [\"Shared\"]",
        );
        write_release(&dir, "lifted-embargo", "2026-10-04T09:00:00Z", "publish_at = 2026-01-01T00:00:00Z");
        run(&dir, false).unwrap();
        let written = everything_written(&dir);
        assert!(!written.contains("secret"), "an unpublished release leaked into the output");
        assert!(written.contains("lifted-embargo") && written.contains("public"));
        assert!(fs::read_to_string(dir.join("site/robots.txt")).unwrap().contains("Allow: /"));

        run(&dir, true).unwrap();
        let preview: Release = read_json(dir.join("site/data/releases/secret-draft.json"));
        assert!(preview.listing.unpublished);
        assert!(fs::read_to_string(dir.join("site/robots.txt")).unwrap().contains("Disallow: /"));
    }

    #[test]
    fn translations_link_each_other_and_must_point_to_an_original() {
        let dir = scratch("translations");
        write_release(&dir, "report", "2026-10-01T09:00:00Z", "");
        write_release(&dir, "report-ug", "2026-10-01T10:00:00Z", "language = \"ug\"\ntranslation_of = \"report\"");
        write_release(&dir, "report-tr", "2026-10-01T11:00:00Z", "language = \"tr\"\ntranslation_of = \"report\"");
        run(&dir, false).unwrap();
        let original: Release = read_json(dir.join("site/data/releases/report.json"));
        assert_eq!(original.translations.iter().map(|t| t.language.as_str()).collect::<Vec<_>>(), ["tr", "ug"]);
        let uyghur: Release = read_json(dir.join("site/data/releases/report-ug.json"));
        assert_eq!(uyghur.translations.iter().map(|t| t.slug.as_str()).collect::<Vec<_>>(), ["report", "report-tr"]);

        write_release(
            &dir,
            "orphan",
            "2026-10-02T09:00:00Z",
            "language = \"ug\"\ntranslation_of = \"no-such-release\"",
        );
        write_release(&dir, "same-language", "2026-10-02T09:00:00Z", "translation_of = \"report\"");
        let errors = run(&dir, false).unwrap_err();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].message.contains("no-such-release") && errors[0].line == 7, "{}", errors[0]);
        assert!(errors[1].message.contains("same language"), "{}", errors[1]);
    }

    #[test]
    fn duplicate_addresses_dead_site_links_and_missing_images_are_errors() {
        let dir = scratch("references");
        fs::create_dir_all(dir.join("content/releases/2025")).unwrap();
        write_release(&dir, "twin", "2026-10-01T09:00:00Z", "");
        fs::copy(dir.join("content/releases/twin.md"), dir.join("content/releases/2025/twin.md")).unwrap();
        fs::write(
            dir.join("content/releases/linker.md"),
            "+++\ntitle = \"L\"\ndate = 2026-10-01T09:00:00Z\ndateline = \"X\"\nsummary = \"S\"\n+++\nSee [this](/releases/gone/).\n\n![A map](media/map.svg)\n",
        )
        .unwrap();
        write_release(
            &dir,
            "charter",
            "2026-10-01T09:00:00Z",
            "[image]\nsrc = \"http://example.org/c.png\"\nalt = \"A chart\"",
        );
        let errors = run(&dir, false).unwrap_err();
        let messages: Vec<&str> = errors.iter().map(|error| error.message.as_str()).collect();
        assert_eq!(errors.len(), 4, "{messages:?}");
        assert!(messages[0].contains("https://") && errors[0].line == 7, "{}", errors[0]);
        assert!(messages[1].contains("already has the address `twin`"));
        assert!(messages[2].contains("leads nowhere") && errors[2].line == 7);
        assert!(messages[3].contains("no image `map.svg`") && errors[3].line == 9);

        fs::remove_file(dir.join("content/releases/2025/twin.md")).unwrap();
        fs::create_dir_all(dir.join("content/media")).unwrap();
        fs::write(dir.join("content/media/map.svg"), r#"<svg viewBox="0 0 40 30"/>"#).unwrap();
        fs::remove_file(dir.join("content/releases/charter.md")).unwrap();
        let fixed = fs::read_to_string(dir.join("content/releases/linker.md"))
            .unwrap()
            .replace("/releases/gone/", "/releases/twin/");
        fs::write(dir.join("content/releases/linker.md"), fixed).unwrap();
        run(&dir, false).unwrap();
        assert_eq!(fs::read_to_string(dir.join("site/media/map.svg")).unwrap(), r#"<svg viewBox="0 0 40 30"/>"#);
        let linker = fs::read_to_string(dir.join("site/data/releases/linker.json")).unwrap();
        assert!(linker.contains(r#""size":[40,30]"#), "the SVG's proportions are measured: {linker}");
    }

    fn write_body(dir: &Path, slug: &str, body: &str) {
        fs::write(
            dir.join(format!("content/releases/{slug}.md")),
            format!(
                "+++\ntitle = \"T\"\ndate = 2026-10-01T09:00:00Z\ndateline = \"X\"\nsummary = \"S\"\n+++\n{body}\n"
            ),
        )
        .unwrap();
    }

    fn at(errors: &[ContentError]) -> Vec<(String, usize, usize)> {
        errors
            .iter()
            .map(|error| (error.file.file_name().unwrap().to_string_lossy().into_owned(), error.line, error.column))
            .collect()
    }

    #[test]
    fn images_outside_content_media_are_refused_and_their_contents_never_printed() {
        let dir = scratch("media-escape");
        fs::create_dir_all(dir.join("content/media")).unwrap();
        fs::write(dir.join("secret.png"), "SECRET-TOKEN=abc").unwrap();
        std::os::unix::fs::symlink(dir.join("secret.png"), dir.join("content/media/linked.png")).unwrap();
        std::os::unix::fs::symlink("/proc/self/environ", dir.join("content/media/environ.png")).unwrap();
        write_body(
            &dir,
            "escape",
            "![Host](media//etc/hostname)\n\n![Env](media//proc/self/environ)\n\n![Up](media/../secret.png)",
        );
        write_body(&dir, "linked", "![Linked](media/linked.png)\n\n![Env](media/environ.png)");
        let errors = run(&dir, false).unwrap_err();
        assert_eq!(
            at(&errors),
            [
                ("escape.md".into(), 7, 1),
                ("escape.md".into(), 9, 1),
                ("escape.md".into(), 11, 1),
                ("linked.md".into(), 7, 1),
                ("linked.md".into(), 9, 1)
            ],
            "{errors:#?}"
        );
        assert!(errors[0].message.contains("empty part") && errors[1].message.contains("empty part"), "{errors:#?}");
        assert!(errors[2].message.contains("starting with `.`"), "{}", errors[2]);
        assert!(
            errors[3].message.contains("leads outside content/media/")
                && errors[4].message.contains("leads outside content/media/"),
            "{errors:#?}"
        );
        assert!(errors.iter().all(|error| !error.to_string().contains("SECRET-TOKEN")));
        assert!(!dir.join("site/media").exists() && !dir.join("site/data").exists());
    }

    #[test]
    fn symbolic_links_under_content_are_refused_and_a_folder_loop_ends() {
        let dir = scratch("symlinks");
        write_release(&dir, "good", "2026-10-01T09:00:00Z", "");
        fs::write(dir.join("outside.md"), "+++\ntitle = \"SECRET\"\n+++\n").unwrap();
        std::os::unix::fs::symlink(dir.join("content/releases"), dir.join("content/releases/loop")).unwrap();
        std::os::unix::fs::symlink(dir.join("outside.md"), dir.join("content/releases/linked.md")).unwrap();
        let errors = run(&dir, false).unwrap_err();
        assert_eq!(at(&errors), [("linked.md".into(), 1, 1), ("loop".into(), 1, 1)], "{errors:#?}");
        assert!(
            errors.iter().all(|error| error.message.contains("symbolic link") && !error.message.contains("SECRET")),
            "{errors:#?}"
        );

        fs::remove_file(dir.join("content/releases/loop")).unwrap();
        fs::remove_file(dir.join("content/releases/linked.md")).unwrap();
        fs::rename(dir.join("content/site.toml"), dir.join("site.toml")).unwrap();
        std::os::unix::fs::symlink(dir.join("site.toml"), dir.join("content/site.toml")).unwrap();
        let errors = run(&dir, false).unwrap_err();
        assert_eq!(at(&errors), [("site.toml".into(), 1, 1)], "{errors:#?}");
        assert!(errors[0].message.contains("symbolic link"), "{}", errors[0]);

        fs::remove_file(dir.join("content/site.toml")).unwrap();
        fs::rename(dir.join("site.toml"), dir.join("content/site.toml")).unwrap();
        fs::rename(dir.join("content/releases"), dir.join("releases")).unwrap();
        std::os::unix::fs::symlink(dir.join("releases"), dir.join("content/releases")).unwrap();
        fs::create_dir_all(dir.join("media")).unwrap();
        fs::write(dir.join("media/photo.png"), "outside").unwrap();
        std::os::unix::fs::symlink(dir.join("media"), dir.join("content/media")).unwrap();
        let errors = run(&dir, false).unwrap_err();
        assert_eq!(at(&errors), [("releases".into(), 1, 1)], "{errors:#?}");
        fs::remove_file(dir.join("content/releases")).unwrap();
        fs::create_dir_all(dir.join("content/releases")).unwrap();
        write_body(&dir, "photo", "![A photo](media/photo.png)");
        let errors = run(&dir, false).unwrap_err();
        assert_eq!(at(&errors), [("photo.md".into(), 7, 1)], "{errors:#?}");
        assert!(errors[0].message.contains("content/media/ is a symbolic link"), "{}", errors[0]);
    }

    #[test]
    fn files_over_the_size_caps_are_refused_with_their_size() {
        let dir = scratch("sizes");
        fs::create_dir_all(dir.join("content/media")).unwrap();
        let huge = fs::File::create(dir.join("content/media/huge.png")).unwrap();
        huge.set_len(crate::media::IMAGE_MAX_BYTES + 1).unwrap();
        write_body(&dir, "big-image", "![A huge photo](media/huge.png)");
        write_body(&dir, "long", &"A sentence of a long release. ".repeat(40_000));
        let errors = run(&dir, false).unwrap_err();
        assert_eq!(at(&errors), [("long.md".into(), 1, 1), ("big-image.md".into(), 7, 1)], "{errors:#?}");
        assert!(errors[0].message.contains("this file is 1.1 MB; at most 1.0 MB"), "{}", errors[0]);
        assert!(errors[1].message.contains("`media/huge.png`: this file is 25.0 MB; at most 25.0 MB"), "{}", errors[1]);
    }

    #[test]
    fn an_svg_that_could_run_script_is_refused_at_the_release_line_and_its_own_line_and_column() {
        let dir = scratch("svg");
        fs::create_dir_all(dir.join("content/media")).unwrap();
        fs::write(dir.join("content/media/map.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 3\">\n  <rect onload=\"alert(document.cookie)\" width=\"4\" height=\"3\"/>\n</svg>\n").unwrap();
        write_body(&dir, "with-map", "Text.\n\n![A map of the camps](media/map.svg)");
        let errors = run(&dir, false).unwrap_err();
        assert_eq!(at(&errors), [("with-map.md".into(), 9, 1)], "{errors:#?}");
        let svg_position = format!("{}:2:9: ", dir.join("content/media/map.svg").display());
        assert!(
            errors[0].message.contains(&svg_position) && errors[0].message.contains("`onload` runs code"),
            "{}",
            errors[0]
        );
        assert!(!dir.join("site/media").exists());
    }

    #[test]
    fn a_published_release_may_not_link_to_a_draft_or_an_embargoed_release_but_a_preview_may() {
        let dir = scratch("embargo-links");
        write_release(&dir, "secret-draft", "2026-10-02T09:00:00Z", "draft = true");
        write_release(&dir, "secret-report", "2026-10-03T09:00:00Z", "publish_at = 2027-01-01T09:00:00Z");
        write_body(
            &dir,
            "public",
            "See [the draft](/releases/secret-draft/) and\n[the report](/releases/secret-report/#summary).",
        );
        let errors = run(&dir, false).unwrap_err();
        assert_eq!(at(&errors), [("public.md".into(), 7, 5), ("public.md".into(), 8, 1)], "{errors:#?}");
        assert!(errors[0].message.contains("a draft"), "{}", errors[0]);
        assert!(errors[1].message.contains("embargoed until 2027-01-01 09:00 UTC"), "{}", errors[1]);
        run(&dir, true).unwrap();
        assert!(fs::read_to_string(dir.join("site/data/releases/public.json"))
            .unwrap()
            .contains("/releases/secret-report/#summary"));
    }

    #[test]
    fn control_characters_are_refused_in_site_settings_and_releases_before_anything_is_written() {
        let dir = scratch("controls");
        let settings = fs::read_to_string(dir.join("content/site.toml"))
            .unwrap()
            .replace("tagline = \"T\"", "tagline = \"Line\u{b}break\"");
        fs::write(dir.join("content/site.toml"), settings).unwrap();
        let errors = run(&dir, false).unwrap_err();
        assert_eq!(at(&errors), [("site.toml".into(), 3, 16)], "{errors:#?}");
        assert!(errors[0].message.contains("vertical tab"), "{}", errors[0]);
        // Mistakes in the settings' values do not hide those of the releases.
        let settings = fs::read_to_string(dir.join("content/site.toml"))
            .unwrap()
            .replace('\u{b}', " ")
            .replace("name = \"Press\"", "name = \"Press\"\nemail = \"press@x?bcc=spy@evil.example\"");
        fs::write(dir.join("content/site.toml"), settings).unwrap();
        write_body(&dir, "linking", "[x](javascript:alert(1))");
        let errors = run(&dir, false).unwrap_err();
        assert_eq!(at(&errors), [("site.toml".into(), 8, 9), ("linking.md".into(), 7, 1)], "{errors:#?}");
        fs::remove_file(dir.join("content/releases/linking.md")).unwrap();
        let settings = fs::read_to_string(dir.join("content/site.toml"))
            .unwrap()
            .replace("press@x?bcc=spy@evil.example", "press@example.org");
        fs::write(dir.join("content/site.toml"), format!("\u{feff}{settings}")).unwrap();
        write_body(&dir, "pasted", "Pasted\u{b}from Word.\r\nAnd\u{7f}more.");
        write_body(&dir, "pasted-a-lot", &"\u{b}".repeat(100_000));
        let errors = run(&dir, false).unwrap_err();
        assert_eq!(errors.len(), 51 + 2, "50 problems of a file are shown, then a count");
        assert!(errors[50].message.contains("and 99950 more problems"), "{}", errors[50]);
        let errors = &errors[51..];
        assert_eq!(at(errors), [("pasted.md".into(), 7, 7), ("pasted.md".into(), 8, 4)], "{errors:#?}");
        assert!(!dir.join("site/data").exists() && !dir.join("site/feed.xml").exists());
    }

    #[test]
    fn the_writer_refuses_any_path_that_would_leave_the_site_folder() {
        for path in [
            "../escaped.txt",
            "/tmp/escaped.txt",
            "data/../../escaped.txt",
            "feeds/./x.xml",
            "a//b",
            "",
            "feeds\\..\\x.xml",
        ] {
            assert!(!stays_inside(path), "{path}");
        }
        assert!(stays_inside("feeds/ug.xml") && stays_inside("data/releases/a.json"));
        let dir = scratch("writer");
        let error = write_all(
            &dir.join("site"),
            &[SiteFile::new("data/site.json", b"{}".to_vec()), SiteFile::new("../escaped.txt", b"x".to_vec())],
        )
        .unwrap_err();
        assert!(error.message.contains("`../escaped.txt`"), "{error}");
        assert!(!dir.join("escaped.txt").exists() && !dir.join("site/data").exists());
    }

    #[test]
    fn the_deepest_accepted_release_builds_into_pages_feeds_and_json_on_a_small_stack() {
        let dir = scratch("deep");
        write_release(&dir, "x", "2026-10-01T09:00:00Z", "");
        write_body(&dir, "deep", "> > > - *a _b [c **d *e _f **g *h deep* i** j_ k* l** m](/releases/x/) n_ o*");
        let site = dir.join("site");
        let content = dir.join("content");
        fs::write(site.join("index.html"), SHELL).unwrap();
        let built = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(move || build(&content, &site, Options { drafts: false, now: NOW }, "/", None).is_ok())
            .unwrap()
            .join();
        assert!(built.expect("no stack overflow"));
        assert!(fs::read_to_string(dir.join("site/releases/deep/index.html")).unwrap().contains("<em>h deep</em>"));
        assert!(fs::read_to_string(dir.join("site/feed.xml")).unwrap().contains("h deep"));
    }

    #[test]
    fn feeds_and_sitemap_use_the_public_url() {
        let dir = scratch("feeds");
        write_release(&dir, "english", "2026-10-01T09:00:00-04:00", "tags = [\"UN\"]");
        write_release(&dir, "uyghur", "2026-10-02T09:00:00Z", "language = \"ug\"");
        fs::write(dir.join("site/index.html"), SHELL).unwrap();
        build(&dir.join("content"), &dir.join("site"), Options { drafts: false, now: NOW }, "/newsroom/", None)
            .unwrap();
        let feed = fs::read_to_string(dir.join("site/feed.xml")).unwrap();
        assert!(feed.contains("<id>https://news.example.org/newsroom/releases/english/</id>"), "{feed}");
        assert!(feed.contains("&lt;em&gt;english&lt;/em&gt;"), "full text as escaped HTML: {feed}");
        let uyghur_feed = fs::read_to_string(dir.join("site/feeds/ug.xml")).unwrap();
        assert!(uyghur_feed.contains("releases/uyghur/") && !uyghur_feed.contains("releases/english/"));
        let sitemap = fs::read_to_string(dir.join("site/sitemap.xml")).unwrap();
        assert!(sitemap.contains("<loc>https://news.example.org/newsroom/releases/english/</loc>"), "{sitemap}");
        assert!(sitemap.contains("<lastmod>2026-10-01</lastmod>"));
        assert!(fs::read_to_string(dir.join("site/robots.txt"))
            .unwrap()
            .contains("Sitemap: https://news.example.org/newsroom/sitemap.xml"));
    }

    #[test]
    fn the_sites_own_language_has_the_feed_its_pages_link_to_even_without_a_release_in_it() {
        let dir = scratch("site-language-feed");
        write_release(&dir, "uyghur", "2026-10-02T09:00:00Z", "language = \"ug\"");
        run(&dir, false).unwrap();
        let home = fs::read_to_string(dir.join("site/index.html")).unwrap();
        assert!(home.contains(r#"href="https://news.example.org/feeds/en.xml""#), "{home}");
        let feed = fs::read_to_string(dir.join("site/feeds/en.xml")).unwrap();
        assert!(feed.contains("<feed") && !feed.contains("<entry>"), "{feed}");
        assert!(fs::read_to_string(dir.join("site/feeds/ug.xml")).unwrap().contains("releases/uyghur/"));
    }

    #[test]
    fn each_topic_has_a_feed_of_its_releases_that_its_list_pages_link_to() {
        let dir = scratch("topic-feeds");
        write_release(&dir, "tagged", "2026-10-02T09:00:00Z", r#"tags = ["Forced labour"]"#);
        write_release(&dir, "other", "2026-10-03T09:00:00Z", r#"tags = ["Events"]"#);
        run(&dir, false).unwrap();
        let feed = fs::read_to_string(dir.join("site/feeds/topics/forced-labour.xml")).unwrap();
        assert!(feed.contains("<title>N: Forced labour</title>"), "{feed}");
        assert!(feed.contains("releases/tagged/") && !feed.contains("releases/other/"), "{feed}");
        assert!(feed.contains(r#"href="https://news.example.org/tags/forced-labour/""#), "its page: {feed}");
        let topic_page = fs::read_to_string(dir.join("site/tags/forced-labour/index.html")).unwrap();
        let topic_feed = r#"<link rel="alternate" type="application/atom+xml" href="https://news.example.org/feeds/topics/forced-labour.xml" title="N: Forced labour">"#;
        let language_feed = r#"href="https://news.example.org/feeds/en.xml""#;
        assert!(topic_page.contains(topic_feed) && topic_page.contains(language_feed), "{topic_page}");
        assert!(topic_page.contains(r#"<a href="/feeds/topics/forced-labour.xml""#), "and visibly: {topic_page}");
        let home = fs::read_to_string(dir.join("site/index.html")).unwrap();
        assert!(!home.contains("feeds/topics/") && home.contains(r#"<a href="/feed.xml""#), "{home}");
    }

    #[test]
    fn the_first_list_page_stays_small_at_ten_thousand_releases() {
        let dir = scratch("scale");
        for n in 0..10_000 {
            let date = format!("20{:02}-{:02}-{:02}T09:00:00Z", 10 + n / 4000, 1 + (n / 300) % 12, 1 + n % 28);
            let text = format!("+++\ntitle = \"Sample release number {n} about a long and detailed subject\"\ndate = {date}\ndateline = \"Geneva\"\nsummary = \"A summary of two sentences, as long as most real summaries are. It says what happened and why it matters.\"\ntags = [\"Sample\", \"Tag {}\"]\n+++\nBody {n}.\n", n % 50);
            fs::write(dir.join(format!("content/releases/release-{n}.md")), text).unwrap();
        }
        run(&dir, false).unwrap();
        let first_page = fs::metadata(dir.join("site/data/index/1.json")).unwrap().len();
        assert!(first_page < 20_000, "the first page the app fetches is {first_page} bytes");
        let index: IndexPage = read_json(dir.join("site/data/index/1.json"));
        assert_eq!((index.total, index.pages), (10_000, 1_000));
    }
}
