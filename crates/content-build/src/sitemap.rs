//! `sitemap.xml` (the home page, the archive, the search page, the media page and every
//! published release) and `robots.txt`.

use newsroom_model::Route;
use quick_xml::events::{BytesDecl, BytesText, Event};
use quick_xml::Writer;
use std::io;

use crate::address::{SiteAddress, MEDIA_PAGE};
use crate::built_site::BuiltSite;
use crate::site_file::SiteFile;

const SITEMAP_NAMESPACE: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";

pub fn sitemap(built: &BuiltSite, address: &SiteAddress) -> SiteFile {
    let mut pages = vec![
        (address.page(&Route::Home), None),
        (address.page(&Route::Archive { page: 1 }), None),
        (address.page(&Route::Search), None),
        (address.file(MEDIA_PAGE), None),
    ];
    pages.extend(
        built
            .releases
            .iter()
            .map(|page| (address.page(&page.route), Some(page.release.listing.published_day().to_string()))),
    );
    SiteFile::new("sitemap.xml", write_sitemap(&pages).expect("writing to memory cannot fail"))
}

fn write_sitemap(pages: &[(String, Option<String>)]) -> io::Result<Vec<u8>> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    writer.create_element("urlset").with_attribute(("xmlns", SITEMAP_NAMESPACE)).write_inner_content(|writer| {
        for (location, last_modified) in pages {
            writer.create_element("url").write_inner_content(|writer| {
                writer.create_element("loc").write_text_content(BytesText::new(location))?;
                if let Some(day) = last_modified {
                    writer.create_element("lastmod").write_text_content(BytesText::new(day))?;
                }
                Ok(())
            })?;
        }
        Ok(())
    })?;
    Ok(writer.into_inner())
}

/// A preview with drafts asks not to be indexed at all.
pub fn robots(address: &SiteAddress, preview: bool) -> SiteFile {
    let rules = if preview { "Disallow: /" } else { "Allow: /" };
    SiteFile::new(
        "robots.txt",
        format!("User-agent: *\n{rules}\n\nSitemap: {}\n", address.file("sitemap.xml")).into_bytes(),
    )
}
