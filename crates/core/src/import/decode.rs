//! Bytes to text: the one place an imported file's encoding is decided.
//!
//! Saved news pages arrive as UTF-8, UTF-8 with a BOM, or a legacy code page
//! (Windows-1252 above all). UTF-8 is taken as is; anything else is detected
//! with `chardetng` (Firefox's detector) and decoded with `encoding_rs`, which
//! maps every byte of a single-byte code page to a char, so nothing is lost.
//! Line endings are normalised to `\n` here, before any offset is computed,
//! because the stored text is never rewritten afterwards.

use std::borrow::Cow;

/// Largest file read whole (txt, md, html); JSONL is streamed instead.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why bytes could not become article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Binary,
    Empty,
}

impl DecodeError {
    pub fn reason(&self) -> &'static str {
        match self {
            DecodeError::Binary => "binary file: this is not text Parley can read",
            DecodeError::Empty => "the file is empty",
        }
    }
}

/// Decodes `bytes` into text with `\n` line endings; refuses binary data and
/// text that is empty or whitespace only.
pub fn decode(bytes: &[u8]) -> Result<String, DecodeError> {
    let text = decode_any(bytes)?;
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

/// Like [`decode`] but lets whitespace-only text through (a JSONL line is
/// judged by its parsed fields, not its raw text).
pub fn decode_any(bytes: &[u8]) -> Result<String, DecodeError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            let encoding = detector.guess(None, chardetng::Utf8Detection::Deny);
            let (decoded, used, _had_errors) = encoding.decode(bytes);
            tracing::debug!(encoding = used.name(), "decoded non-UTF-8 text");
            decoded
        }
    };
    Ok(normalize_line_endings(&text))
}

/// `\r\n` and a lone `\r` (old Mac files) both become `\n`.
pub fn normalize_line_endings(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

/// Binary when the sample holds a NUL byte (no text encoding Parley reads
/// uses one) or when most bytes are control characters other than layout
/// whitespace. UTF-16 files are caught by the NUL rule; they are rare enough
/// in news archives that refusing them clearly beats guessing.
fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(8192)];
    if sample.contains(&0) {
        return true;
    }
    let control = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    !sample.is_empty() && control * 10 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_stripped_and_line_endings_normalised() {
        let text = decode(b"\xEF\xBB\xBFHeadline\r\nBody\rmore\n").unwrap();
        assert_eq!(
            text, "Headline\nBody\nmore\n",
            "the BOM is not text and every line ending becomes \\n"
        );
    }

    #[test]
    fn latin1_and_windows_1252_decode_losslessly() {
        // "Détente" and "tête-à-tête" in Latin-1, with Windows-1252 curly quotes.
        let bytes = b"D\xE9tente: a t\xEAte-\xE0-t\xEAte in Gen\xE8ve, \x93quietly\x94 agreed.";
        let text = decode(bytes).unwrap();
        assert_eq!(
            text, "Détente: a tête-à-tête in Genève, \u{201C}quietly\u{201D} agreed.",
            "a legacy code page must be detected and every byte kept"
        );
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(DecodeError::Binary),
            "a NUL byte means the file is not text"
        );
        assert_eq!(
            decode(b" \n\t\r\n"),
            Err(DecodeError::Empty),
            "whitespace alone is no article"
        );
        assert_eq!(decode(b""), Err(DecodeError::Empty), "nothing is empty");
    }
}
