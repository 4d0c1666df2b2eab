use std::fmt;
use std::path::{Path, PathBuf};

/// A problem an author can fix: where it is and what to do about it.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentError {
    pub file: PathBuf,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl ContentError {
    pub fn new(file: &Path, position: Position, message: impl Into<String>) -> ContentError {
        ContentError { file: file.to_path_buf(), line: position.line, column: position.column, message: message.into() }
    }
}

/// The `file:line:column: error: …` form that editors and terminals turn into links.
impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: error: {}", self.file.display(), self.line, self.column, self.message)
    }
}

/// `text` as an error message may print it: invisible characters (controls, tabs, line
/// breaks, formatting characters) written as `\t`, `\n` or `\u{…}`, so the message shows
/// what is really there and cannot rewrite the terminal, and at most 100 characters.
pub fn shown(text: &str) -> String {
    let mut written = String::new();
    for (count, c) in text.chars().enumerate() {
        if count == 100 {
            written.push('…');
            break;
        }
        match c {
            '\t' => written.push_str("\\t"),
            '\n' => written.push_str("\\n"),
            '\r' => written.push_str("\\r"),
            _ if c.is_control()
                || (c.is_whitespace() && c != ' ')
                || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}') =>
            {
                written.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            _ => written.push(c),
        }
    }
    written
}

/// A 1-based line and column (in characters) in an author's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl Position {
    pub const START: Position = Position { line: 1, column: 1 };

    /// The position of byte `offset` of `text`, whose first line is line `first_line`;
    /// an offset inside a character (a parser's error position) counts as that character.
    pub fn of_offset(text: &str, offset: usize, first_line: usize) -> Position {
        let mut end = offset.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &text[..end];
        let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
        Position { line: first_line + before.matches('\n').count(), column: before[line_start..].chars().count() + 1 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_become_lines_and_columns() {
        let text = "ab\ncdé\nfg";
        assert_eq!(Position::of_offset(text, 0, 1), Position { line: 1, column: 1 });
        assert_eq!(Position::of_offset(text, 4, 1), Position { line: 2, column: 2 });
        assert_eq!(Position::of_offset(text, 8, 5), Position { line: 7, column: 1 });
        assert_eq!(Position::of_offset(text, 6, 1), Position { line: 2, column: 3 }, "inside `é`");
    }

    #[test]
    fn invisible_characters_are_shown_and_long_values_cut() {
        assert_eq!(shown("/\t/evil\u{202e}.example/\\x\""), "/\\t/evil\\u{202e}.example/\\x\"");
        assert_eq!(shown(&"x".repeat(500)).chars().count(), 101);
    }

    #[test]
    fn errors_read_as_file_line_column() {
        let error = ContentError::new(Path::new("content/releases/a.md"), Position { line: 3, column: 7 }, "no title");
        assert_eq!(error.to_string(), "content/releases/a.md:3:7: error: no title");
    }
}
