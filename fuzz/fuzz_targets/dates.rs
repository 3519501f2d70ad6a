//! The date recogniser: expressions in order, inside the text, quoting it.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let days = u16::from_le_bytes([data[0], data[1]]);
    let reference = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap() + chrono::Days::new(days.into());
    let Ok(text) = std::str::from_utf8(&data[2..]) else { return };
    let chars: Vec<char> = text.chars().collect();
    for reference in [None, Some(reference)] {
        let mut last = 0;
        for e in parley_core::dates::recognise(text, reference) {
            assert!(e.start >= last && e.start < e.end && e.end <= chars.len(), "{e:?}");
            assert_eq!(chars[e.start..e.end].iter().collect::<String>(), e.text);
            last = e.end;
        }
    }
});
