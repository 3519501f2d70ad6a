//! Tops the benchmark library's timeline up to issue 8's 2,000 events.
//! Extraction from the corpora finds fewer; the rest are added the way the
//! app's "add event from selection" does (`Library::add_event` on a span of
//! an article), with dates spread over two decades and a cast of 50 places
//! and 50 participants, so the timeline view has rows, lanes and years to
//! zoom and pan over.

use std::time::{Duration, Instant};

use parley_core::timeline::EventEdit;
use parley_core::Library;

use crate::stats::Latency;

pub const TARGET_EVENTS: usize = 2_000;
const TIMELINE_READS: usize = 20;

const PLACES: [&str; 50] = [
    "Geneva",
    "Vienna",
    "Paris",
    "London",
    "Moscow",
    "Sochi",
    "Washington",
    "Beijing",
    "Tokyo",
    "Brussels",
    "Berlin",
    "Rome",
    "Madrid",
    "Lisbon",
    "Oslo",
    "Stockholm",
    "Helsinki",
    "Warsaw",
    "Prague",
    "Budapest",
    "Athens",
    "Ankara",
    "Cairo",
    "Riyadh",
    "Tehran",
    "Baghdad",
    "Amman",
    "Beirut",
    "Jerusalem",
    "Doha",
    "Dubai",
    "New Delhi",
    "Islamabad",
    "Kabul",
    "Bangkok",
    "Jakarta",
    "Manila",
    "Seoul",
    "Canberra",
    "Ottawa",
    "Mexico City",
    "Brasilia",
    "Buenos Aires",
    "Santiago",
    "Lima",
    "Bogota",
    "Caracas",
    "Havana",
    "Nairobi",
    "Pretoria",
];

const PEOPLE: [&str; 50] = [
    "James Baker",
    "Eduard Shevardnadze",
    "Helmut Kohl",
    "Margaret Thatcher",
    "Jacques Delors",
    "Francois Mitterrand",
    "Yasuhiro Nakasone",
    "Paul Volcker",
    "Alan Greenspan",
    "Karl Otto Poehl",
    "Nigel Lawson",
    "Kiichi Miyazawa",
    "Gerhard Stoltenberg",
    "Edouard Balladur",
    "Brian Mulroney",
    "Bob Hawke",
    "Rajiv Gandhi",
    "Hosni Mubarak",
    "King Fahd",
    "Ali Khamenei",
    "Javier Perez de Cuellar",
    "Clayton Yeutter",
    "Tony Blair",
    "Gordon Brown",
    "Jacques Chirac",
    "Gerhard Schroeder",
    "Vladimir Putin",
    "Kofi Annan",
    "Condoleezza Rice",
    "Colin Powell",
    "Junichiro Koizumi",
    "Hu Jintao",
    "Wen Jiabao",
    "Silvio Berlusconi",
    "Jose Maria Aznar",
    "Romano Prodi",
    "Jean-Claude Trichet",
    "Wim Duisenberg",
    "Ariel Sharon",
    "Mahmoud Abbas",
    "Recep Tayyip Erdogan",
    "Lula da Silva",
    "Nestor Kirchner",
    "Thabo Mbeki",
    "Kim Dae-jung",
    "Pervez Musharraf",
    "Hamid Karzai",
    "John Howard",
    "Paul Martin",
    "Vicente Fox",
];

pub struct EventsRun {
    pub extracted: usize,
    pub added: usize,
    pub total: usize,
    pub elapsed: Duration,
    /// `Library::timeline()` with every event: what the view loads.
    pub read: Latency,
}

fn err(e: parley_core::Error) -> String {
    format!("timeline top-up: {e}")
}

/// The date of the `n`-th added event: days over 1986-2005, some given
/// only to the month or the year as news often does.
pub fn date(n: usize) -> String {
    let year = 1986 + (n * 7) % 20;
    let month = 1 + (n * 5) % 12;
    let day = 1 + (n * 11) % 28;
    match n % 10 {
        0 => format!("{year}"),
        1 | 2 => format!("{year}-{month:02}"),
        _ => format!("{year}-{month:02}-{day:02}"),
    }
}

pub fn run(lib: &mut Library) -> Result<EventsRun, String> {
    let started = Instant::now();
    let extracted = lib.timeline().map_err(err)?.len();
    let missing = TARGET_EVENTS.saturating_sub(extracted);
    let articles = lib.articles().map_err(err)?;
    // Twice as many candidates as needed: a few articles have no sentence
    // to select.
    let stride = (articles.len() / (2 * missing).max(1)).max(1);
    let mut added = 0;
    for summary in articles.iter().skip(3).step_by(stride) {
        if added >= missing {
            break;
        }
        let text = lib.article(summary.id).map_err(err)?.text;
        // The first sentence, or its first 120 characters: a span the
        // researcher selects as the event's evidence.
        let len = text.chars().count();
        let end = text
            .chars()
            .position(|c| c == '.')
            .map_or(len, |p| p + 1)
            .min(120)
            .min(len);
        if end < 10 {
            continue;
        }
        let n = added;
        let participants = (0..2 + n % 3)
            .map(|k| PEOPLE[(n * 3 + k * 17) % PEOPLE.len()].to_string())
            .collect();
        let edit = EventEdit {
            date: Some(Some(date(n))),
            place: Some(Some(PLACES[(n * 13) % PLACES.len()].to_string())),
            participants: Some(participants),
            ..EventEdit::default()
        };
        lib.add_event(summary.id, 0, end, &edit).map_err(err)?;
        added += 1;
    }
    let elapsed = started.elapsed();
    // What the timeline view asks the core for when it opens.
    let mut times = Vec::new();
    let mut total = 0;
    for _ in 0..TIMELINE_READS {
        let t = Instant::now();
        total = lib.timeline().map_err(err)?.len();
        times.push(t.elapsed());
    }
    Ok(EventsRun {
        extracted,
        added,
        total,
        elapsed,
        read: Latency::of(&times).expect("TIMELINE_READS > 0"),
    })
}

impl EventsRun {
    pub fn line(&self) -> String {
        format!(
            "{} events ({} extracted from the corpora, {} added from selections over {} places and {} participants, \
             {:.1} s: {:.0} ms per add_event); Library::timeline() reads them all in {:.1} ms p50, {:.1} ms p99",
            self.total,
            self.extracted,
            self.added,
            PLACES.len(),
            PEOPLE.len(),
            self.elapsed.as_secs_f64(),
            self.elapsed.as_secs_f64() * 1e3 / self.added.max(1) as f64,
            self.read.p50.as_secs_f64() * 1e3,
            self.read.p99.as_secs_f64() * 1e3,
        )
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn added_dates_are_calendar_values_over_two_decades() {
        let dates: Vec<String> = (0..200).map(super::date).collect();
        for d in &dates {
            let year: i32 = d[..4].parse().unwrap();
            assert!((1986..2006).contains(&year), "{d}");
            assert!(matches!(d.len(), 4 | 7 | 10), "year, month or day: {d}");
        }
        let mut years: Vec<&str> = dates.iter().map(|d| &d[..4]).collect();
        years.sort();
        years.dedup();
        assert_eq!(years.len(), 20, "every year of the span is used");
    }
}
