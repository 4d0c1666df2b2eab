//! Files the build reads: content files and the images releases show. Nothing is read
//! through a symbolic link or from outside `content/` (an image written
//! `media//etc/hostname`, or a link in `content/media/` to `/proc/self/environ`, would
//! otherwise publish the build machine's files and CI secrets), nothing that is not a
//! regular file (a named pipe would hang the build), and nothing larger than a cap (a
//! release of more than 1 MiB, an image of more than 25 MiB: a web page needs less
//! than a tenth of that) so no file of any size brings the build down. Errors name the
//! file and what is wrong with it, never its contents.

use std::fs;
use std::io::Read;
use std::path::Path;

use crate::error::shown;
use crate::links::media_path;
use crate::svg;

/// Largest release, site settings or other text file.
pub const TEXT_MAX_BYTES: u64 = 1 << 20;
/// Largest bitmap image.
pub const IMAGE_MAX_BYTES: u64 = 25 << 20;
/// Largest SVG image: it is checked element by element, and drawings for a release are
/// far smaller.
pub const SVG_MAX_BYTES: u64 = 2 << 20;

/// The bytes of the regular file `path`, read only if it is neither a symbolic link nor
/// larger than `max` bytes.
pub fn read_regular_file(path: &Path, max: u64) -> Result<Vec<u8>, String> {
    let metadata = fs::symlink_metadata(path).map_err(|error| format!("cannot read this file: {error}"))?;
    if metadata.file_type().is_symlink() {
        return Err(
            "this is a symbolic link: the build reads only files inside content/, so copy the file itself here"
                .to_string(),
        );
    }
    if !metadata.is_file() {
        return Err("this is not a regular file".to_string());
    }
    let too_large =
        |size: u64| format!("this file is {} MB; at most {} MB are allowed here", megabytes(size), megabytes(max));
    if metadata.len() > max {
        return Err(too_large(metadata.len()));
    }
    let mut contents = Vec::new();
    fs::File::open(path)
        .and_then(|file| file.take(max + 1).read_to_end(&mut contents))
        .map_err(|error| format!("cannot read this file: {error}"))?;
    if contents.len() as u64 > max {
        return Err(too_large(contents.len() as u64));
    }
    Ok(contents)
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / (1 << 20) as f64)
}

/// An image of `content/media/`, read and checked.
pub struct MediaFile {
    /// As written in content, and where it is published: `media/photo.jpg`.
    pub target: String,
    /// Read from the file's canonical path, once found inside `content/media/`.
    pub contents: Vec<u8>,
}

/// Why an image cannot be published.
#[derive(Debug, PartialEq)]
pub enum MediaProblem {
    /// About the reference or the file as a whole.
    File(String),
    /// Problems inside an SVG, at its own positions.
    Svg(Vec<svg::SvgProblem>),
}

/// Reads `target` (`media/…`) from `media_dir`, which must resolve inside it.
pub fn read(media_dir: &Path, target: &str) -> Result<MediaFile, MediaProblem> {
    let file_problem = |message: String| MediaProblem::File(message);
    let name = target
        .strip_prefix("media/")
        .ok_or_else(|| file_problem(format!("`{}` is not in content/media/", shown(target))))?;
    media_path(name).map_err(|problem| file_problem(format!("`{}` {problem}", shown(target))))?;
    if fs::symlink_metadata(media_dir).is_ok_and(|metadata| metadata.file_type().is_symlink()) {
        return Err(file_problem(
            "content/media/ is a symbolic link: the build reads only files inside content/, so make it a folder"
                .to_string(),
        ));
    }
    let folder = fs::canonicalize(media_dir).map_err(|_| {
        file_problem(format!("there is no image `{name}` in content/media/, a folder that does not exist yet"))
    })?;
    let path = media_dir.join(name);
    if fs::symlink_metadata(&path).is_err() {
        return Err(file_problem(format!("there is no image `{name}` in content/media/")));
    }
    let source = fs::canonicalize(&path).map_err(|error| file_problem(format!("cannot read `{target}`: {error}")))?;
    if !source.starts_with(&folder) {
        return Err(file_problem(format!(
            "`{target}` is a symbolic link that leads outside content/media/: copy the image itself into the folder"
        )));
    }
    let svg = name.to_ascii_lowercase().ends_with(".svg");
    let contents = read_regular_file(&source, if svg { SVG_MAX_BYTES } else { IMAGE_MAX_BYTES })
        .map_err(|problem| file_problem(format!("`{target}`: {problem}")))?;
    if svg {
        let text = std::str::from_utf8(&contents)
            .map_err(|_| file_problem(format!("`{target}` is not UTF-8 text: export it again as plain SVG")))?;
        svg::check(text).map_err(MediaProblem::Svg)?;
    }
    Ok(MediaFile { target: target.to_string(), contents })
}
