//! A source file is TOML front matter between `+++` lines, then Markdown. TOML, not
//! YAML: its dates carry a time zone, its errors carry a position, and `no` stays a word.

use serde::de::DeserializeOwned;
use std::path::Path;

use crate::error::{ContentError, Position};

pub struct SourceFile<'a> {
    front_matter: &'a str,
    pub body: &'a str,
    /// The line of the file on which `body` starts.
    pub body_line: usize,
}

const FENCE: &str = "+++";

pub fn split<'a>(file: &Path, text: &'a str) -> Result<SourceFile<'a>, ContentError> {
    let missing = |position| {
        ContentError::new(
            file,
            position,
            "a release starts with front matter: a line `+++`, fields such as `title = \"…\"`, then another `+++`",
        )
    };
    let rest =
        text.strip_prefix(FENCE).and_then(|rest| rest.strip_prefix('\n')).ok_or_else(|| missing(Position::START))?;
    // The first closing fence, the line right after the opening one included (empty
    // front matter), so a `+++` later in the body is never taken for it.
    let closing = std::iter::once(0)
        .chain(rest.match_indices('\n').map(|(newline, _)| newline + 1))
        .find(|&line_start| rest[line_start..].lines().next() == Some(FENCE))
        .ok_or_else(|| missing(Position::of_offset(text, text.len(), 1)))?;
    let front_matter = &rest[..closing];
    let after_fence = &rest[closing + FENCE.len()..];
    let body = after_fence.strip_prefix('\n').unwrap_or(after_fence);
    Ok(SourceFile { front_matter, body, body_line: 3 + front_matter.matches('\n').count() })
}

impl SourceFile<'_> {
    /// The TOML between the fences; its first line is line 2 of the file.
    pub fn front_matter(&self) -> &str {
        self.front_matter
    }

    pub fn fields<T: DeserializeOwned>(&self, file: &Path) -> Result<T, ContentError> {
        parse_toml(file, self.front_matter, 2)
    }
}

/// Parses TOML whose first line is line `first_line` of `file`.
pub fn parse_toml<T: DeserializeOwned>(file: &Path, text: &str, first_line: usize) -> Result<T, ContentError> {
    toml::from_str(text).map_err(|error| {
        let position = error
            .span()
            .map_or(Position { line: first_line, column: 1 }, |span| Position::of_offset(text, span.start, first_line));
        ContentError::new(file, position, error.message().trim_end().to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Fields {
        title: String,
    }

    #[test]
    fn front_matter_and_body_are_split_with_the_body_line() {
        let source = split(Path::new("a.md"), "+++\ntitle = \"T\"\n+++\n\nHello\n").unwrap();
        assert_eq!(source.fields::<Fields>(Path::new("a.md")).unwrap().title, "T");
        assert_eq!(source.body, "\nHello\n");
        assert_eq!(source.body_line, 4);
    }

    #[test]
    fn a_file_without_front_matter_is_an_error_on_line_one() {
        let error = split(Path::new("a.md"), "# Just markdown\n").err().unwrap();
        assert_eq!((error.line, error.column), (1, 1));
        assert!(error.message.contains("+++"));
    }

    #[test]
    fn empty_front_matter_ends_at_the_next_line_not_at_a_fence_later_in_the_body() {
        let source = split(Path::new("a.md"), "+++\n+++\nBody.\n\n+++\nMore body.\n").unwrap();
        assert_eq!((source.front_matter(), source.body, source.body_line), ("", "Body.\n\n+++\nMore body.\n", 3));
    }

    #[test]
    fn an_unclosed_front_matter_is_an_error() {
        assert!(split(Path::new("a.md"), "+++\ntitle = \"T\"\n").is_err());
    }

    #[test]
    fn toml_errors_name_the_line_of_the_file() {
        let source = split(Path::new("a.md"), "+++\ntitle = \"T\"\ncolour = 1\n+++\nbody").unwrap();
        let error = source.fields::<Fields>(Path::new("a.md")).unwrap_err();
        assert_eq!(error.line, 3, "{error}");
        assert!(error.message.contains("colour"), "{error}");
    }
}
