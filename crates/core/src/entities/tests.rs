use super::*;

fn people(text: &str) -> Vec<(String, String)> {
    recognise(text)
        .into_iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| (m.text, m.name))
        .collect()
}

#[test]
fn transliteration_variants_fold_together() {
    assert_eq!(
        fold("Sergey Lavrov"),
        fold("Sergei Lavrov"),
        "ey/ei are one name"
    );
    assert_eq!(
        fold("Aleksei Pushkov"),
        fold("Alexey Pushkov"),
        "ks/x and ey/ei"
    );
    assert_eq!(fold("Dmitriy"), fold("Dmitrii"), "iy/ii are one ending");
    assert_eq!(fold("Lavrov's"), "lavrov", "a possessive is the same name");
    assert_eq!(
        fold("John J. Mearsheimer"),
        fold("John Mearsheimer"),
        "middle initials drop"
    );
    assert_ne!(fold("Putin"), fold("Obama"), "different names stay apart");
}

#[test]
fn titles_announce_people() {
    let found = people(
        "Deputy Russian Foreign Minister Grigory Karasin met Assistant Secretary of State \
         Victoria Nuland. German Chancellor Angela Merkel and President Putin spoke.",
    );
    let names: Vec<&str> = found.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Grigory Karasin",
            "Victoria Nuland",
            "Angela Merkel",
            "Putin"
        ],
        "each title is followed by the person it names, the title itself left out"
    );
}

#[test]
fn surnames_and_variants_resolve_to_the_full_name() {
    let text = "Foreign Minister Sergey Lavrov arrived. Kerry met FM Lavrov, and Lavrov's aide \
                said Secretary of State John Kerry was late.";
    let found = recognise(text);
    let lavrov: Vec<&EntityMention> = found.iter().filter(|m| m.text == "Lavrov").collect();
    assert_eq!(lavrov.len(), 2, "both bare surnames are found: {found:?}");
    assert!(
        lavrov
            .iter()
            .all(|m| m.name == "Sergey Lavrov" && m.key == fold("Sergei Lavrov")),
        "a surname alone resolves to the full name met elsewhere in the article"
    );
    let kerry = found
        .iter()
        .find(|m| m.text == "Kerry")
        .expect("Kerry is found");
    assert_eq!(
        kerry.name, "John Kerry",
        "a surname before the full name resolves too"
    );
    assert!(lavrov[1].possessive, "\"Lavrov's\" is marked possessive");
}

#[test]
fn places_come_from_the_gazetteer() {
    let found = recognise("Kerry flew from Geneva, Switzerland to Kiev and then to the U.S.");
    let places: Vec<&str> = found
        .iter()
        .filter(|m| m.kind == EntityKind::Place)
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(
        places,
        ["Geneva", "Switzerland", "Kyiv", "United States"],
        "cities and countries are found, Kiev under its GeoNames name Kyiv, U.S. as the United States"
    );
    assert!(place_within("Sochi", "Russia"), "Sochi is a Russian city");
    assert!(!place_within("Paris", "Russia"), "Paris is not in Russia");
}

#[test]
fn organisations_by_cue_and_by_name() {
    let found = recognise(
        "The Russian Foreign Ministry and the State Department briefed the EU and the Kremlin.",
    );
    let orgs: Vec<&str> = found
        .iter()
        .filter(|m| m.kind == EntityKind::Organisation)
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(
        orgs,
        [
            "Russian Foreign Ministry",
            "State Department",
            "European Union",
            "Kremlin"
        ],
        "cue words and the known list both name organisations, EU as the European Union"
    );
}
