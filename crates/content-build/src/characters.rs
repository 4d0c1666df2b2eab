//! Characters no author means to write, refused in every content file before anything
//! is parsed or written. Word processors paste them invisibly: a manual line break is
//! U+000B (vertical tab), which XML 1.0 forbids, so one of them made `feed.xml`
//! malformed and every feed reader dropped the whole feed. Tab and newline are text;
//! CRLF is normalized before this check; a leading byte order mark is dropped.

use std::path::Path;

use crate::error::{ContentError, Position};

/// `text` without a leading byte order mark, or every forbidden character in it, each
/// with its line and column.
pub fn checked(file: &Path, text: &str) -> Result<String, Vec<ContentError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut errors = Vec::new();
    let (mut line, mut column) = (1, 1);
    for c in text.chars() {
        if let Some(problem) = problem(c) {
            errors.push(ContentError::new(file, Position { line, column }, problem));
        }
        if c == '\n' {
            (line, column) = (line + 1, 1);
        } else {
            column += 1;
        }
    }
    if errors.is_empty() {
        Ok(text.to_string())
    } else {
        Err(errors)
    }
}

/// What is wrong with `c`, if anything.
pub fn problem(c: char) -> Option<String> {
    let code = c as u32;
    match c {
        '\t' | '\n' => None,
        '\u{b}' => Some("a vertical tab (U+000B), which word processors paste for a manual line break: it makes the feed invalid XML. Delete it, and end the line with two spaces or a backslash for a line break, or leave a blank line for a new paragraph".to_string()),
        '\u{0}'..='\u{1f}' | '\u{7f}' => Some(format!("an invisible control character (U+{code:04X}), usually pasted from a word processor: delete it")),
        '\u{80}'..='\u{9f}' => Some(format!("an invisible control character (U+{code:04X}), usually text decoded with the wrong encoding: delete it, or retype the characters around it")),
        '\u{fdd0}'..='\u{fdef}' => Some(format!("a noncharacter (U+{code:04X}) that is not text: delete it")),
        _ if code & 0xfffe == 0xfffe => Some(format!("a noncharacter (U+{code:04X}) that is not text: delete it")),
        _ => None,
    }
}

/// Characters that change how text looks, breaks or runs (soft hyphen, zero-width
/// space, joiners, direction marks, embeddings and isolates, word joiner, byte order
/// mark), never which word or address it is: an address with one is refused
/// (`links.rs`), and the search index drops them (`search.rs`; `web/page-parts.js` lists
/// the same for what readers type: a search, a Mastodon server).
pub fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_noncharacters_are_refused_each_at_its_line_and_column() {
        let file = Path::new("content/releases/a.md");
        let errors =
            checked(file, "+++\ntitle = \"Ab\u{b}c\"\n\u{7}\u{85}x\u{fffe}\u{10ffff}\n\ttab is fine\n").unwrap_err();
        let found: Vec<(usize, usize)> = errors.iter().map(|error| (error.line, error.column)).collect();
        assert_eq!(found, [(2, 12), (3, 1), (3, 2), (3, 4), (3, 5)], "{errors:?}");
        assert!(errors.iter().all(|error| error.file == file));
        assert!(
            errors[0].message.contains("vertical tab")
                && errors[0].message.contains("line break")
                && errors[0].message.contains("feed"),
            "{}",
            errors[0]
        );
        assert!(errors[1].message.contains("U+0007"));
        assert!(errors[2].message.contains("U+0085"));
        assert!(errors[3].message.contains("noncharacter"));
    }

    #[test]
    fn a_leading_byte_order_mark_is_removed_silently() {
        assert_eq!(checked(Path::new("site.toml"), "\u{feff}name = \"N\"\n").unwrap(), "name = \"N\"\n");
    }
}
