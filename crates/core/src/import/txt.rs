//! Plain text: the decoded file is the article text, as it is.
//!
//! A `.txt` file declares nothing, so title, author, date and outlet all come
//! from the text itself (headline, byline and dateline segments) or stay
//! unknown.

use super::Draft;

pub fn read(text: String) -> Result<Draft, String> {
    Ok(Draft {
        text,
        ..Draft::default()
    })
}
