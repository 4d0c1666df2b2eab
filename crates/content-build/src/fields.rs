//! What each kind of field in `site.toml` and front matter may hold. Every value ends up
//! somewhere a reader sees it or a program reads it (an HTML attribute, a file name, a
//! `mailto:` address, a feed): each is checked for its kind, and every text has a length
//! limit well above what a press release needs (a title of 200 characters is two lines
//! of a headline) so a paste of a whole document into a field is caught.

use newsroom_model::Contact;
use serde::Deserialize;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

use crate::error::{ContentError, Position};

/// Longest values, in characters.
pub const TITLE_MAX: usize = 200;
pub const SUMMARY_MAX: usize = 600;
pub const DATELINE_MAX: usize = 100;
pub const NAME_MAX: usize = 120;
pub const ALT_MAX: usize = 600;
pub const CAPTION_MAX: usize = 400;
/// An image's credit or licence line: `Photo: …`, `CC BY 4.0`.
pub const CREDIT_MAX: usize = 200;
pub const HEADLINE_MAX: usize = 150;
pub const CAMPAIGN_TEXT_MAX: usize = 800;
pub const ACTION_LABEL_MAX: usize = 80;
pub const TAX_NOTE_MAX: usize = 400;
pub const TAGLINE_MAX: usize = 300;
pub const ABOUT_MAX: usize = 5_000;
pub const TAG_MAX: usize = 60;
pub const TAGS_MAX: usize = 12;
pub const IMAGE_HOSTS_MAX: usize = 20;
pub const URL_MAX: usize = 2_000;
pub const SLUG_MAX: usize = 100;

/// A line of text: not empty, on one line, at most `max` characters.
pub fn line_of_text(value: &str, max: usize) -> Result<(), String> {
    if value.trim().is_empty() {
        Err("is empty".to_string())
    } else if value.contains('\n') {
        Err("is on more than one line: write it on one".to_string())
    } else {
        within(value, max)
    }
}

/// Text of any number of lines, at most `max` characters.
pub fn within(value: &str, max: usize) -> Result<(), String> {
    let length = value.chars().count();
    if length > max {
        Err(format!("is {length} characters long; at most {max} are allowed"))
    } else {
        Ok(())
    }
}

/// A BCP 47 language tag in the shape browsers and feed readers use: language, then
/// optional script, region and variants (`en`, `ug-CN`, `zh-Hant-TW`, `sr-Latn`).
/// It is written into `<html lang>` and names a feed file, so nothing else may pass.
pub fn is_language_tag(tag: &str) -> bool {
    let mut subtags = tag.split('-').peekable();
    let primary = subtags.next().unwrap_or_default();
    if !((2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic())) || tag.len() > 35 {
        return false;
    }
    let letters = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_alphabetic());
    if subtags.peek().is_some_and(|s| letters(s, 4)) {
        subtags.next();
    }
    if subtags.peek().is_some_and(|s| letters(s, 2) || (s.len() == 3 && s.bytes().all(|b| b.is_ascii_digit()))) {
        subtags.next();
    }
    subtags.all(|variant| {
        let alphanumeric = variant.bytes().all(|b| b.is_ascii_alphanumeric());
        alphanumeric
            && ((5..=8).contains(&variant.len()) || (variant.len() == 4 && variant.as_bytes()[0].is_ascii_digit()))
    })
}

/// An e-mail address as it may follow `mailto:`: a plain local part and a host name,
/// nothing that a mail program reads as more headers (`?bcc=…`) or more recipients.
pub fn is_email(address: &str) -> bool {
    let Some((local, domain)) = address.rsplit_once('@') else { return false };
    let local_ok = (1..=64).contains(&local.len())
        && local.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$&'*+-/=^_`{|}~.".contains(&b))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    local_ok && address.len() <= 254 && domain.contains('.') && is_host_name(domain)
}

/// A telephone number as people write it: `+1 202 555 0100`, `(020) 7946 0000`.
pub fn is_phone(phone: &str) -> bool {
    let digits = phone.bytes().filter(u8::is_ascii_digit).count();
    phone.len() <= 32
        && (5..=20).contains(&digits)
        && phone.trim_start_matches('+').bytes().all(|b| b.is_ascii_digit() || b" ()-./".contains(&b))
}

/// A host name in lowercase, as in `images.example.org`: letters, digits and hyphens in
/// dot-separated labels; no scheme, port, path, user or address literal.
pub fn is_host_name(host: &str) -> bool {
    host.len() <= 253
        && host.split('.').all(|label| {
            (1..=63).contains(&label.len())
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        && host.rsplit('.').next().is_some_and(|top| top.bytes().any(|b| b.is_ascii_lowercase()))
}

/// Collects the problems of one TOML text, each at the position of its value.
pub struct Checks<'a> {
    file: &'a Path,
    /// The TOML text the spans are offsets of.
    text: &'a str,
    /// The file's line on which `text` starts.
    first_line: usize,
    pub errors: Vec<ContentError>,
}

impl<'a> Checks<'a> {
    pub fn new(file: &'a Path, text: &'a str, first_line: usize) -> Checks<'a> {
        Checks { file, text, first_line, errors: Vec::new() }
    }

    pub fn position(&self, span: &Range<usize>) -> Position {
        Position::of_offset(self.text, span.start, self.first_line)
    }

    pub fn refuse(&mut self, span: &Range<usize>, message: impl Into<String>) {
        let error = ContentError::new(self.file, self.position(span), message);
        self.errors.push(error);
    }

    /// Refuses `value` with "`key` …" when `rule` finds a problem with it.
    pub fn check<T: AsRef<str>>(
        &mut self,
        key: &str,
        value: &Spanned<T>,
        rule: impl FnOnce(&str) -> Result<(), String>,
    ) {
        if let Err(problem) = rule(value.get_ref().as_ref()) {
            self.refuse(&value.span(), format!("`{key}` {problem}"));
        }
    }

    /// A line of text of at most `max` characters.
    pub fn line<T: AsRef<str>>(&mut self, key: &str, value: &Spanned<T>, max: usize) {
        self.check(key, value, |text| line_of_text(text, max));
    }
}

/// A media contact as written in site settings and front matter.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContactFields {
    name: Spanned<String>,
    role: Option<Spanned<String>>,
    email: Option<Spanned<String>>,
    phone: Option<Spanned<String>>,
}

impl ContactFields {
    pub fn checked(self, checks: &mut Checks) -> Contact {
        checks.line("name", &self.name, NAME_MAX);
        if let Some(role) = &self.role {
            checks.line("role", role, NAME_MAX);
        }
        if let Some(email) = &self.email {
            checks.check("email", email, |email| {
                if is_email(email) { Ok(()) } else { Err("is not one plain e-mail address, as in `press@example.org`: it becomes a `mailto:` link, where anything else (`?bcc=`, a second address) would copy the mail elsewhere".to_string()) }
            });
        }
        if let Some(phone) = &self.phone {
            checks.check("phone", phone, |phone| if is_phone(phone) { Ok(()) } else { Err("is not a telephone number: digits, spaces, `+`, `(`, `)`, `-`, `.` or `/`, as in `+1 202 555 0100`".to_string()) });
        }
        let text = |field: Option<Spanned<String>>| field.map(Spanned::into_inner);
        Contact {
            name: self.name.into_inner(),
            role: text(self.role),
            email: text(self.email),
            phone: text(self.phone),
            card: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_the_shapes_browsers_read_and_nothing_else() {
        for good in ["en", "ug", "ug-CN", "zh-Hant", "zh-Hant-TW", "sr-Latn-RS", "es-419", "de-CH-1996", "sl-rozaj"] {
            assert!(is_language_tag(good), "{good}");
        }
        for bad in
            ["", "e", "english", "en_US", "en-", "en--GB", "en\"><script>", "../../x", "en/..", "en-GB-x", "en us"]
        {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn e_mail_addresses_carry_no_extra_headers() {
        assert!(is_email("press@example.org") && is_email("press.office+media@news.example.org"));
        for bad in [
            "press@x?bcc=spy@evil.example",
            "press@example.org?subject=x",
            "press",
            "@example.org",
            "press@localhost",
            "a b@example.org",
            "press@example.org,spy@evil.example",
            "press@exa mple.org",
            "press@-x.org",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn phones_and_host_names() {
        assert!(is_phone("+1 202 555 0100") && is_phone("(020) 7946-0000"));
        assert!(!is_phone("call us") && !is_phone("+1 202 555 0100?x") && !is_phone("123"));
        assert!(is_host_name("images.example.org") && is_host_name("cdn-1.example.org"));
        for bad in [
            "https://images.example.org",
            "images.example.org:443",
            "Images.example.org",
            "images.example.org/",
            "127.0.0.1",
            "a..b",
            "user@host.org",
            "",
        ] {
            assert!(!is_host_name(bad), "{bad}");
        }
    }
}
