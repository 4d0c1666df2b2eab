//! Copies of each published bitmap at the widths a screen needs, in the formats that
//! weigh least, so a phone on a slow network downloads a 480-pixel AVIF of a few
//! kilobytes instead of the author's original of several megabytes, and the page knows
//! every file's width (`srcset`, `sizes`) and the picture's size (`width`, `height`)
//! before anything loads, so nothing moves.
//!
//! - **Widths** (`newsroom_model::copy_widths`): 480, 800, 1200 and 1600 pixels, never
//!   wider than the original. On a 390-pixel phone the page fetches the 480 copy, in
//!   the 44-rem column of a desktop the 800 (tests/e2e/images.spec.ts).
//! - **Formats.** The lighter of AVIF (every engine we test reads it: Chromium,
//!   Firefox, Safari 16.4 and later) and, for PNG sources, lossless WebP, which can
//!   beat AVIF on a drawing; then the fallback every browser reads: JPEG for a JPEG
//!   source, PNG otherwise. One lighter format, not both: a browser takes the first it
//!   reads, and a second `<source>` costs the browser build WASM it cannot spare. The
//!   `image` crate's WebP encoder is lossless only, which makes a photo 4-6 times the
//!   JPEG, so JPEG sources get AVIF: lossy WebP would need libwebp, a C build. The
//!   sample drawing at 480/800/1200 pixels: AVIF 1.1/2.2/2.3 KB, WebP 3.4/3.9/0.7 KB,
//!   PNG 1.6/2.7/3.7 KB, against its 7.3 KB original.
//! - **Cost.** The `image` crate with its AVIF encoder (rav1e, pure Rust) adds about
//!   65 s to a clean build of the content build on 2 cores. Encoding takes 1.4 s for
//!   the sample drawing's copies and about 4 s for a 1200-pixel photo's, nearly all of
//!   it AVIF. Every copy's
//!   name carries a hash of the original and of the settings below, so a copy already
//!   in the site folder (Trunk's last `dist/`, which `scripts/post-build` hands on; the
//!   watcher's own folder) is used again instead of encoded again (docs/benchmarks.md).
//! - **Social cards**: a lead image cropped from its centre to 1200×630 JPEG, the size
//!   link previews draw without cropping it again themselves.
//! - **Hostile files.** Decoding stops at 16,384 pixels a side and 512 MiB of pixels
//!   (a 25 MiB PNG can claim 2 billion pixels). The copies carry no metadata. A file
//!   whose metadata gives a GPS position is refused: a photo's location can name a
//!   source or a family, and its original is offered for download as it is.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::Cursor;
use std::path::Path;

use image::codecs::avif::AvifEncoder;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::codecs::webp::WebPEncoder;
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits, Rgb, RgbImage};
use newsroom::prerender;
use newsroom_model::{copy_widths, Block, Image, Original, Release};
use sha2::{Digest, Sha256};

use crate::error::{ContentError, Position};
use crate::media::MediaFile;
use crate::site_file::SiteFile;

/// Where the copies are published, beside `media/` with the originals.
pub const FOLDER: &str = "images";
/// What link previews (OpenGraph, X's large card) draw without cropping.
pub const CARD_SIZE: (u32, u32) = (1200, 630);
const MAX_SIDE: u32 = 16_384;
const MAX_DECODED_BYTES: u64 = 512 << 20;
/// rav1e's speed (1-10) and ravif's quality (1-100): at 8 and 70 a photo's 1200-pixel
/// copy takes 2.4 s and weighs a third of the JPEG at quality 82 (85 KB against 263).
const AVIF_SPEED: u8 = 8;
const AVIF_QUALITY: u8 = 70;
const JPEG_QUALITY: u8 = 82;
const CARD_QUALITY: u8 = 85;
/// Part of every copy's hash: change it when the copies change, so older ones are not
/// used again.
const RECIPE: &[u8] = b"widths 480 800 1200 1600; lanczos3; avif 8 70; webp lossless; png best; jpeg 82; card 85";

/// What `make` made: the files, and the social card of each lead image, by the
/// original's address (`media/photo.jpg` → `images/photo-…-card.jpg`).
pub struct Pictures {
    pub files: Vec<SiteFile>,
    pub cards: HashMap<String, String>,
}

/// Makes the copies of every image of `media` and gives the releases' images their
/// sources, size and original. Copies whose names are already in `made_before` (the
/// folder `FOLDER` of an earlier build) are read from there. A file that cannot be
/// decoded is an error at the file in `media_dir`; every such error is returned.
pub fn make(
    media: &[MediaFile],
    releases: &mut [Release],
    media_dir: &Path,
    made_before: &Path,
) -> Result<Pictures, Vec<ContentError>> {
    let lead_images: HashSet<String> =
        releases.iter().filter_map(|release| Some(release.image.as_ref()?.src.clone())).collect();
    let mut pictures = Pictures { files: Vec::new(), cards: HashMap::new() };
    let mut made: HashMap<&str, Made> = HashMap::new();
    let mut errors = Vec::new();
    for file in media {
        let wants_card = lead_images.contains(&file.target);
        match copies(file, wants_card, made_before) {
            Ok(copies) => {
                pictures.files.extend(copies.files);
                if let Some(card) = &copies.made.card {
                    pictures.cards.insert(file.target.clone(), card.clone());
                }
                made.insert(&file.target, copies.made);
            }
            Err(problem) => {
                let path = media_dir.join(file.target.strip_prefix("media/").unwrap_or(&file.target));
                errors.push(ContentError::new(&path, Position::START, problem));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    for release in releases {
        let language = release.listing.language.clone();
        let body_images = release.body.iter_mut().filter_map(|block| match block {
            Block::Image(image) => Some(image),
            _ => None,
        });
        for image in release.image.iter_mut().chain(body_images) {
            if let Some(made) = made.get(image.src.as_str()) {
                made.give_to(image, &language);
            }
        }
    }
    Ok(pictures)
}

/// What a page needs to know of one original's copies.
struct Made {
    /// The original's address and size in bytes.
    original: (String, u32),
    /// After the orientation its metadata gives; `None` for what is not decoded here.
    size: Option<(u32, u32)>,
    /// The widest copy in the fallback format, and the formats of all.
    fallback: Option<String>,
    formats: Vec<Format>,
    card: Option<String>,
}

impl Made {
    fn give_to(&self, image: &mut Image, language: &str) {
        let (href, bytes) = &self.original;
        let extension = href.rsplit_once('.').map_or("", |(_, extension)| extension);
        let details = prerender::download_details(extension, *bytes, language);
        image.original = Some(Original { href: href.clone(), details });
        if let Some(fallback) = &self.fallback {
            image.src = fallback.clone();
            image.widths = copy_widths(self.size.map_or(0, |(width, _)| width)).collect();
            image.formats = self.formats.iter().map(|format| format.extension().to_string()).collect();
            image.size = self.size;
        }
    }
}

struct Copies {
    made: Made,
    files: Vec<SiteFile>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Format {
    Avif,
    WebP,
    Jpeg,
    Png,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Avif => "avif",
            Format::WebP => "webp",
            Format::Jpeg => "jpeg",
            Format::Png => "png",
        }
    }
}

fn copies(file: &MediaFile, wants_card: bool, made_before: &Path) -> Result<Copies, String> {
    let original = (file.target.clone(), file.contents.len() as u32);
    let extension = file.target.rsplit_once('.').map(|(_, extension)| extension.to_ascii_lowercase());
    let fallback = match extension.as_deref() {
        Some("jpg" | "jpeg") => Format::Jpeg,
        Some("png" | "webp") => Format::Png,
        // SVG scales itself; a GIF may move, which a copy would stop; AVIF is already
        // the lightest, and decoding it needs a C library.
        _ => {
            let made = Made { original, size: None, fallback: None, formats: Vec::new(), card: None };
            return Ok(Copies { made, files: Vec::new() });
        }
    };
    let formats: &[Format] = match fallback {
        Format::Jpeg => &[Format::Avif, Format::Jpeg],
        _ => &[Format::Avif, Format::WebP, Format::Png],
    };
    let mut decoded = Decoded::new(&file.contents)?;
    let (width, height) = decoded.size;
    let widths: Vec<u32> = copy_widths(width).collect();

    let hash = Sha256::new().chain_update(RECIPE).chain_update(&file.contents).finalize();
    let hash: String = hash.iter().take(5).map(|byte| format!("{byte:02x}")).collect();
    let stem = file.target.rsplit('/').next().unwrap_or_default();
    let stem = stem.rsplit_once('.').map_or(stem, |(stem, _)| stem);
    let name = |suffix: &str| format!("{FOLDER}/{stem}-{hash}-{suffix}");

    // Each format's copies, and what they weigh together.
    let mut made = Vec::new();
    for &format in formats {
        let mut copies = Vec::new();
        for &each in &widths {
            let path = name(&format!("{each}.{}", format.extension()));
            let contents = match reused(made_before, &path) {
                Some(contents) => contents,
                None => decoded.encoded(each, format)?,
            };
            copies.push(SiteFile::new(&path, contents));
        }
        made.push((copies.iter().map(|copy| copy.contents.len()).sum::<usize>(), format, copies));
    }
    // Only the lighter of AVIF and WebP is offered (and published): a browser takes
    // the first format it reads, and one `<source>` is less code in the WASM than a
    // list. For a drawing, lossless WebP can weigh less than AVIF.
    let fallback_copies = made.pop();
    let lighter = made.into_iter().min_by_key(|(weight, _, _)| *weight);
    let (formats, files): (Vec<Format>, Vec<Vec<SiteFile>>) =
        lighter.into_iter().chain(fallback_copies).map(|(_, format, copies)| (format, copies)).unzip();
    let mut files: Vec<SiteFile> = files.into_iter().flatten().collect();
    let widest = widths.last().copied().unwrap_or(width);
    let fallback = Some(name(&format!("{widest}.{}", fallback.extension())));
    let card = if wants_card {
        let path = name("card.jpg");
        let contents = match reused(made_before, &path) {
            Some(contents) => contents,
            None => decoded.card()?,
        };
        files.push(SiteFile::new(&path, contents));
        Some(path)
    } else {
        None
    };
    let size = Some((width, height));
    Ok(Copies { made: Made { original, size, fallback, formats, card }, files })
}

/// A copy an earlier build made, if it is in `made_before`; its name holds the hash of
/// the original and of `RECIPE`.
fn reused(made_before: &Path, path: &str) -> Option<Vec<u8>> {
    let name = path.strip_prefix(FOLDER)?.trim_start_matches('/');
    fs::read(made_before.join(name)).ok()
}

/// An original, decoded only when a copy has to be encoded.
struct Decoded<'a> {
    contents: &'a [u8],
    /// As shown: after the orientation its metadata gives.
    size: (u32, u32),
    pixels: Option<DynamicImage>,
}

impl<'a> Decoded<'a> {
    /// Reads the header only: the size, and whether the metadata gives a position.
    fn new(contents: &'a [u8]) -> Result<Decoded<'a>, String> {
        let mut decoder = decoder(contents)?;
        if decoder.exif_metadata().ok().flatten().is_some_and(|exif| has_gps_position(&exif)) {
            return Err("its metadata gives the GPS position where it was taken, which could identify a place or a person: remove it (for example `exiftool -gps:all= FILE`) and build again".to_string());
        }
        let (width, height) = decoder.dimensions();
        let turned = decoder.orientation().is_ok_and(|orientation| {
            use image::metadata::Orientation::*;
            matches!(orientation, Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH)
        });
        let size = if turned { (height, width) } else { (width, height) };
        if size.0 == 0 || size.1 == 0 {
            return Err("it has no pixels".to_string());
        }
        Ok(Decoded { contents, size, pixels: None })
    }

    fn pixels(&mut self) -> Result<&DynamicImage, String> {
        if self.pixels.is_none() {
            let mut decoder = decoder(self.contents)?;
            let orientation = decoder.orientation().map_err(cannot_decode)?;
            let mut pixels = DynamicImage::from_decoder(decoder).map_err(cannot_decode)?;
            pixels.apply_orientation(orientation);
            self.pixels = Some(if pixels.color().has_alpha() {
                DynamicImage::ImageRgba8(pixels.to_rgba8())
            } else {
                DynamicImage::ImageRgb8(pixels.to_rgb8())
            });
        }
        Ok(self.pixels.as_ref().expect("decoded above"))
    }

    fn encoded(&mut self, width: u32, format: Format) -> Result<Vec<u8>, String> {
        let (original_width, original_height) = self.size;
        let height = ((u64::from(original_height) * u64::from(width) + u64::from(original_width) / 2)
            / u64::from(original_width))
        .clamp(1, u64::from(MAX_SIDE)) as u32;
        let pixels = self.pixels()?;
        let resized = if width == original_width {
            pixels.clone()
        } else {
            pixels.resize_exact(width, height, FilterType::Lanczos3)
        };
        let mut out = Vec::new();
        let written = match format {
            Format::Avif => {
                resized.write_with_encoder(AvifEncoder::new_with_speed_quality(&mut out, AVIF_SPEED, AVIF_QUALITY))
            }
            Format::WebP => resized.write_with_encoder(WebPEncoder::new_lossless(&mut out)),
            Format::Jpeg => resized.write_with_encoder(JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)),
            Format::Png => resized.write_with_encoder(PngEncoder::new_with_quality(
                &mut out,
                CompressionType::Best,
                PngFilter::Adaptive,
            )),
        };
        written.map_err(|error| format!("its {width}-pixel {} copy could not be made: {error}", format.extension()))?;
        Ok(out)
    }

    /// Cropped from the centre to `CARD_SIZE`, transparency drawn on white.
    fn card(&mut self) -> Result<Vec<u8>, String> {
        let (width, height) = CARD_SIZE;
        let cropped = self.pixels()?.resize_to_fill(width, height, FilterType::Lanczos3).to_rgba8();
        let on_white = RgbImage::from_fn(width, height, |x, y| {
            let [red, green, blue, alpha] = cropped.get_pixel(x, y).0;
            let over_white =
                |channel: u8| ((u16::from(channel) * u16::from(alpha) + 255 * (255 - u16::from(alpha))) / 255) as u8;
            Rgb([over_white(red), over_white(green), over_white(blue)])
        });
        let mut out = Vec::new();
        on_white
            .write_with_encoder(JpegEncoder::new_with_quality(&mut out, CARD_QUALITY))
            .map_err(|error| format!("its social card could not be made: {error}"))?;
        Ok(out)
    }
}

fn decoder(contents: &[u8]) -> Result<impl ImageDecoder + '_, String> {
    let mut reader =
        ImageReader::new(Cursor::new(contents)).with_guessed_format().map_err(|error| cannot_decode(error.into()))?;
    if !matches!(reader.format(), Some(ImageFormat::Png | ImageFormat::Jpeg | ImageFormat::WebP)) {
        return Err("it is not a PNG, JPEG or WebP file, whatever its name says: export it again".to_string());
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODED_BYTES);
    reader.limits(limits);
    reader.into_decoder().map_err(cannot_decode)
}

fn cannot_decode(error: image::ImageError) -> String {
    format!("it cannot be read as an image ({error}): export it again")
}

/// Whether Exif metadata (a TIFF structure) points to a GPS section (tag 0x8825) from
/// its first directory, where cameras and phones write it.
fn has_gps_position(exif: &[u8]) -> bool {
    let exif = exif.strip_prefix(b"Exif\0\0").unwrap_or(exif);
    let little_endian = match exif.get(..2) {
        Some(b"II") => true,
        Some(b"MM") => false,
        _ => return false,
    };
    let read = |at: usize, length: usize| -> Option<u32> {
        let bytes = exif.get(at..at.checked_add(length)?)?;
        let ordered: Box<dyn Iterator<Item = &u8>> =
            if little_endian { Box::new(bytes.iter().rev()) } else { Box::new(bytes.iter()) };
        Some(ordered.fold(0, |value, &byte| (value << 8) | u32::from(byte)))
    };
    let Some(directory) = read(4, 4).map(|offset| offset as usize) else { return false };
    let entries = read(directory, 2).unwrap_or(0) as usize;
    (0..entries)
        .any(|entry| directory.checked_add(2 + entry * 12).and_then(|at| read(at, 2)).is_some_and(|tag| tag == 0x8825))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A PNG of one colour, `width` by `height`.
    pub(crate) fn png(width: u32, height: u32) -> Vec<u8> {
        let mut out = Vec::new();
        RgbImage::from_pixel(width, height, Rgb([20, 40, 120])).write_with_encoder(PngEncoder::new(&mut out)).unwrap();
        out
    }

    fn release_showing(src: &str) -> Release {
        let image = Image { src: src.to_string(), alt: "A drawing".to_string(), ..Image::default() };
        let mut release: Release = serde_json::from_value(serde_json::json!({
            "listing": { "slug": "a", "title": "A", "published": "2026-10-01T09:00:00Z", "dateline": "X", "summary": "S", "tags": [], "language": "tr", "unpublished": false },
            "image": null, "body": [], "translations": [], "contact": null, "previous": null, "next": null, "related": []
        }))
        .unwrap();
        release.image = Some(image.clone());
        release.body = vec![Block::Image(image)];
        release
    }

    fn media(target: &str, contents: Vec<u8>) -> MediaFile {
        MediaFile { target: target.to_string(), contents }
    }

    #[test]
    fn a_drawing_gets_copies_at_each_narrower_width_its_lighter_format_first_and_a_card() {
        let dir = tempfile::tempdir().unwrap();
        let mut releases = vec![release_showing("media/drawing.png")];
        let made = make(&[media("media/drawing.png", png(1000, 500))], &mut releases, dir.path(), dir.path()).unwrap();
        let image = releases[0].image.clone().unwrap();
        assert_eq!(image.widths, [480, 800, 1000]);
        assert_eq!(image.formats.last().unwrap(), "png");
        assert_eq!(image.formats.len(), 2, "{:?}", image.formats);
        assert!(image.src.starts_with("images/drawing-") && image.src.ends_with("-1000.png"), "{}", image.src);
        assert_eq!(image.size, Some((1000, 500)));
        assert_eq!(image.original.as_ref().unwrap().href, "media/drawing.png");
        assert!(image.original.as_ref().unwrap().details.starts_with("PNG, "));
        assert_eq!(
            releases[0].body,
            vec![Block::Image(image.clone())],
            "the same picture in the body is given the same"
        );
        assert_eq!(made.files.len(), 7, "3 widths in 2 formats and a card");
        let card = &made.cards["media/drawing.png"];
        let card = made.files.iter().find(|file| &file.path == card).unwrap();
        let card = image::load_from_memory(&card.contents).unwrap();
        assert_eq!((card.width(), card.height()), CARD_SIZE);
    }

    #[test]
    fn a_small_image_is_copied_at_its_own_width_only_and_never_enlarged() {
        let dir = tempfile::tempdir().unwrap();
        let mut releases = vec![release_showing("media/icon.png")];
        make(&[media("media/icon.png", png(300, 200))], &mut releases, dir.path(), dir.path()).unwrap();
        assert_eq!(releases[0].image.as_ref().unwrap().widths, [300]);
    }

    #[test]
    fn copies_an_earlier_build_made_are_used_again_not_encoded_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut releases = vec![release_showing("media/drawing.png")];
        let first = make(&[media("media/drawing.png", png(600, 300))], &mut releases, dir.path(), dir.path()).unwrap();
        let made_before = dir.path().join("before");
        fs::create_dir_all(&made_before).unwrap();
        for file in &first.files {
            fs::write(made_before.join(file.path.strip_prefix("images/").unwrap()), b"kept").unwrap();
        }
        let second =
            make(&[media("media/drawing.png", png(600, 300))], &mut releases, dir.path(), &made_before).unwrap();
        assert!(second.files.iter().all(|file| file.contents == b"kept"));
    }

    #[test]
    fn files_that_are_not_images_are_errors_at_each_file_and_all_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let mut releases = vec![release_showing("media/a.png")];
        let errors = match make(
            &[media("media/a.png", b"not a picture".to_vec()), media("media/b.jpg", png(10, 10)[..40].to_vec())],
            &mut releases,
            &dir.path().join("media"),
            dir.path(),
        ) {
            Err(errors) => errors,
            Ok(_) => panic!("undecodable files were accepted"),
        };
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].to_string().contains("media/a.png") && errors[0].message.contains("not a PNG, JPEG or WebP"));
        assert!(errors[1].to_string().contains("media/b.jpg"), "{}", errors[1]);
    }

    #[test]
    fn a_picture_claiming_more_pixels_than_the_limit_is_refused_before_it_is_decoded() {
        let mut huge = png(1, 1);
        // The IHDR chunk's width, after the signature and the chunk's length and name.
        huge[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        assert!(Decoded::new(&huge).and_then(|mut decoded| decoded.card()).is_err());
    }

    #[test]
    fn exif_with_a_gps_section_is_found_in_either_byte_order() {
        let tiff = |little: bool, tag: u16| {
            let ordered = |bytes: &[u8]| -> Vec<u8> {
                if little {
                    bytes.iter().rev().copied().collect()
                } else {
                    bytes.to_vec()
                }
            };
            let mut exif = b"Exif\0\0".to_vec();
            exif.extend(if little { b"II" } else { b"MM" });
            exif.extend(ordered(&42u16.to_be_bytes()));
            exif.extend(ordered(&8u32.to_be_bytes()));
            exif.extend(ordered(&1u16.to_be_bytes()));
            exif.extend(ordered(&tag.to_be_bytes()));
            exif.extend([0; 10]);
            exif
        };
        assert!(has_gps_position(&tiff(true, 0x8825)) && has_gps_position(&tiff(false, 0x8825)));
        assert!(!has_gps_position(&tiff(true, 0x0112)) && !has_gps_position(&tiff(false, 0x0112)));
        assert!(!has_gps_position(b"Exif\0\0II") && !has_gps_position(&[]));
    }
}
