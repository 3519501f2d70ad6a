//! Place names: countries and cities of over 100,000 people from GeoNames
//! (CC BY 4.0), compiled into the binary from `gazetteer.tsv` so that no
//! model or data file is fetched at run time. `scripts/gazetteer.py`
//! regenerates the file.
//!
//! A name can belong to several places ("Victoria", "Alexandria"); the most
//! populous wins, which is what a news article means far more often than not.

use std::collections::HashMap;

use once_cell::sync::Lazy;

use super::fold;

const TSV: &str = include_str!("gazetteer.tsv");

/// Names news writers use that GeoNames files under another name.
const EXTRA: &[(&str, &str)] = &[
    ("U.S.", "United States"),
    ("US", "United States"),
    ("USA", "United States"),
    ("U.S.A.", "United States"),
    ("America", "United States"),
    ("UK", "United Kingdom"),
    ("U.K.", "United Kingdom"),
    ("Britain", "United Kingdom"),
    ("Great Britain", "United Kingdom"),
    ("Kiev", "Kyiv"),
    ("Kharkov", "Kharkiv"),
    ("Odessa", "Odesa"),
    ("Holland", "Netherlands"),
];

/// Capitalised words that open sentences or name other things far more
/// often than they name a place of that name.
const NOT_PLACES: &[&str] = &[
    "Of",
    "Most",
    "Also",
    "Given",
    "Soon",
    "Part",
    "Both",
    "First",
    "Second",
    "Third",
    "Fourth",
    "Fifth",
    "Good",
    "Victoria",
    "Lincoln",
    "Jackson",
    "Independence",
    "Concord",
    "Enterprise",
    "Mobile",
    "Reading",
    "Split",
    "Nice",
    "Bath",
    "Union",
    "Obama",
    "Kent",
    "Lee",
    "Amar",
    "Florence",
    "Hamilton",
    "Sale",
    "Street",
    "Orange",
    "Hope",
    "Wedding",
    "Marks",
    "Bangor",
    "Gary",
    "Laval",
    "Chester",
    "Aurora",
    "Pueblo",
    "Reno",
    "Troy",
    "Surprise",
    "Deal",
    "Fair",
    "Salt",
    "Mission",
    "Progress",
    "Trump",
    "Bush",
    "Google",
    "Apple",
    "Amazon",
    "Spotify",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    City,
}

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub name: &'static str,
    pub kind: PlaceKind,
    /// ISO 3166 alpha-2 code of the country (of the city).
    pub country: &'static str,
    pub population: u64,
}

struct Gazetteer {
    places: Vec<Place>,
    /// Folded name or alternate name -> index into `places`.
    by_name: HashMap<String, usize>,
}

static GAZETTEER: Lazy<Gazetteer> = Lazy::new(load);

fn load() -> Gazetteer {
    let mut places = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let add = |by_name: &mut HashMap<String, usize>, places: &[Place], name: &str, i: usize| {
        if NOT_PLACES.contains(&name) {
            return;
        }
        let key = fold(name);
        match by_name.get(&key) {
            // Countries before cities (Georgia, Luxembourg), then population.
            Some(&j) if outranks(&places[j], &places[i]) => {}
            _ => {
                by_name.insert(key, i);
            }
        }
    };
    for line in TSV.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (Some(kind), Some(name), Some(country), Some(pop), alts) = (
            cols.next(),
            cols.next(),
            cols.next(),
            cols.next(),
            cols.next().unwrap_or(""),
        ) else {
            continue;
        };
        let kind = if kind == "country" {
            PlaceKind::Country
        } else {
            PlaceKind::City
        };
        let i = places.len();
        places.push(Place {
            name,
            kind,
            country,
            population: pop.parse().unwrap_or(0),
        });
        add(&mut by_name, &places, name, i);
        for alt in alts.split('|').filter(|a| !a.is_empty()) {
            add(&mut by_name, &places, alt, i);
        }
    }
    for (alias, name) in EXTRA {
        if let Some(&i) = by_name.get(&fold(name)) {
            by_name.insert(fold(alias), i);
        }
    }
    Gazetteer { places, by_name }
}

fn outranks(a: &Place, b: &Place) -> bool {
    match (a.kind, b.kind) {
        (PlaceKind::Country, PlaceKind::City) => true,
        (PlaceKind::City, PlaceKind::Country) => false,
        _ => a.population >= b.population,
    }
}

/// The place a name refers to, if the gazetteer knows it.
pub fn lookup(name: &str) -> Option<&'static Place> {
    let g = &*GAZETTEER;
    g.by_name.get(&fold(name)).map(|&i| &g.places[i])
}

/// Whether `inner` lies within `outer` (a city in its country), or is it.
pub fn within(inner: &str, outer: &str) -> bool {
    if fold(inner) == fold(outer) {
        return true;
    }
    match (lookup(inner), lookup(outer)) {
        (Some(i), Some(o)) => {
            o.kind == PlaceKind::Country && i.kind == PlaceKind::City && i.country == o.country
        }
        _ => false,
    }
}
