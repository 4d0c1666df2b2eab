//! A vCard (`contacts/<card>.vcf`) for each media contact, so a journalist saves the
//! press office to their phone or address book in one tap.
//!
//! vCard 3.0 (RFC 2426), not 4.0: it is the version iOS, Android and Outlook all import.
//! Written here rather than with a crate: the format is a dozen lines of `NAME:value`,
//! and the crates that write it (vcard4) bring a parser, URI and language-tag crates
//! with them. What matters is done as the RFC says and checked by a separate parser
//! (Python's vobject, in the browser suite): text escaped (`\`, `,`, `;`, line breaks),
//! lines folded at 75 octets without splitting a character, CRLF line ends.
//!
//! Each distinct contact gets a card, named by `give_cards` when the content is read; the
//! app links to it. Writing the cards is the `render` feature's, as writing the site is.

use newsroom_model::{Contact, Release, Site};

use crate::release_source::tag_slug;
#[cfg(feature = "render")]
use crate::site_file::SiteFile;

/// Every contact of the site: its own first, then each release's.
#[cfg(feature = "render")]
pub fn contacts<'a>(site: &'a Site, releases: &'a [Release]) -> impl Iterator<Item = &'a Contact> {
    std::iter::once(&site.contact).chain(releases.iter().filter_map(|release| release.contact.as_ref()))
}

/// `contacts`, to give them their cards.
pub fn contacts_mut<'a>(site: &'a mut Site, releases: &'a mut [Release]) -> impl Iterator<Item = &'a mut Contact> {
    std::iter::once(&mut site.contact).chain(releases.iter_mut().filter_map(|release| release.contact.as_mut()))
}

/// Names each distinct contact's card, in order: the slug of its name, then `-2`, `-3`…
/// for other contacts of the same name; `contact` for a name without Latin letters. The
/// site's contact comes first, so its card's address stays the same whatever releases say.
pub fn give_cards<'a>(contacts: impl Iterator<Item = &'a mut Contact>) {
    let mut named: Vec<(Contact, String)> = Vec::new();
    for contact in contacts {
        contact.card = None;
        let card = match named.iter().find(|(known, _)| *known == *contact) {
            Some((_, card)) => card.clone(),
            None => {
                let base = Some(tag_slug(&contact.name))
                    .filter(|slug| !slug.is_empty())
                    .unwrap_or_else(|| "contact".to_string());
                let card = (1..)
                    .map(|n| if n == 1 { base.clone() } else { format!("{base}-{n}") })
                    .find(|card| named.iter().all(|(_, taken)| taken != card))
                    .unwrap_or(base);
                named.push((contact.clone(), card.clone()));
                card
            }
        };
        contact.card = Some(card);
    }
}

/// The card of every contact `give_cards` named, once. `organization` is the site's name
/// and `home` its address: a card says whom the contact speaks for.
#[cfg(feature = "render")]
pub fn cards<'a>(contacts: impl Iterator<Item = &'a Contact>, organization: &str, home: &str) -> Vec<SiteFile> {
    let mut files: Vec<SiteFile> = Vec::new();
    let mut written: Vec<&str> = Vec::new();
    for contact in contacts {
        let Some(card) = contact.card.as_deref() else { continue };
        if !written.contains(&card) {
            written.push(card);
            files.push(SiteFile::new(&format!("contacts/{card}.vcf"), vcard(contact, organization, home).into_bytes()));
        }
    }
    files
}

#[cfg(feature = "render")]
fn vcard(contact: &Contact, organization: &str, home: &str) -> String {
    let mut lines = vec![
        "BEGIN:VCARD".to_string(),
        "VERSION:3.0".to_string(),
        format!("FN:{}", text(&contact.name)),
        // N is required in 3.0; a press office has no given name, so all is the family name.
        format!("N:{};;;;", text(&contact.name)),
        format!("ORG:{}", text(organization)),
    ];
    lines.extend(contact.role.iter().map(|role| format!("TITLE:{}", text(role))));
    lines.extend(contact.email.iter().map(|email| format!("EMAIL;TYPE=INTERNET,WORK:{}", text(email))));
    lines.extend(contact.phone.iter().map(|phone| format!("TEL;TYPE=WORK,VOICE:{}", text(phone))));
    lines.push(format!("URL:{home}"));
    lines.push("END:VCARD".to_string());
    lines.iter().map(|line| fold(line)).collect()
}

/// A text value, escaped as RFC 2426 §4 says.
#[cfg(feature = "render")]
fn text(value: &str) -> String {
    let mut escaped = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' | ',' | ';' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\n' => escaped.push_str("\\n"),
            '\r' => {}
            _ => escaped.push(c),
        }
    }
    escaped
}

/// The line with CRLF, folded so that no line is longer than 75 octets.
#[cfg(feature = "render")]
fn fold(line: &str) -> String {
    let mut folded = String::with_capacity(line.len() + 8);
    let mut length = 0;
    for c in line.chars() {
        if length + c.len_utf8() > 75 {
            folded.push_str("\r\n ");
            length = 1;
        }
        folded.push(c);
        length += c.len_utf8();
    }
    folded.push_str("\r\n");
    folded
}

#[cfg(all(test, feature = "render"))]
mod tests {
    use super::*;

    fn contact(name: &str, email: &str) -> Contact {
        Contact { name: name.to_string(), role: None, email: Some(email.to_string()), phone: None, card: None }
    }

    #[test]
    fn text_is_escaped_and_long_lines_fold_between_characters() {
        let card = vcard(
            &Contact {
                role: Some("Media; relations, \\ desk".to_string()),
                ..contact("Press office", "press@example.org")
            },
            &"ئۇيغۇر ".repeat(12),
            "https://news.example.org/",
        );
        assert!(card.contains("TITLE:Media\\; relations\\, \\\\ desk\r\n"), "{card}");
        // A line break in a value cannot start a property of its own.
        let injected =
            vcard(&contact("Press\r\nEMAIL:evil@example.org", "press@example.org"), "N", "https://n.example/");
        assert!(
            injected.contains("FN:Press\\nEMAIL:evil@example.org\r\n") && !injected.contains("\nEMAIL:evil"),
            "{injected}"
        );
        assert!(card.starts_with("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Press office\r\nN:Press office;;;;\r\n"), "{card}");
        for line in card.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
        let unfolded = card.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("ORG:{}\r\n", "ئۇيغۇر ".repeat(12))), "{unfolded}");
    }

    #[test]
    fn each_distinct_contact_gets_its_own_card_and_the_same_contact_the_same() {
        let mut contacts = [
            contact("Press office", "press@example.org"),
            contact("Press office", "press@example.org"),
            contact("Press office", "other@example.org"),
            contact("Ayşe Yılmaz", "other@example.org"),
            contact("ئايگۈل", "other@example.org"),
        ];
        give_cards(contacts.iter_mut());
        let cards: Vec<&str> = contacts.iter().map(|contact| contact.card.as_deref().unwrap()).collect();
        assert_eq!(cards, ["press-office", "press-office", "press-office-2", "ay-e-y-lmaz", "contact"]);
        let files = super::cards(contacts.iter(), "N", "https://news.example.org/");
        assert_eq!(files.len(), 4);
    }
}
