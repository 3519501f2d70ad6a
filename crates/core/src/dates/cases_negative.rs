//! Look-alikes that must not be taken for temporal expressions: modal
//! "may", "march" the noun, newspaper titles, quantities, ordinals used as
//! list markers, names of wars and holidays, results-table headings.

use super::cases::{check_misses, Miss};

#[rustfmt::skip]
const MISSES: &[Miss] = &[
    ("Putin may visit Washington in the autumn.", "may"),
    ("May God bless the negotiators.", "May"),
    ("Thousands joined a protest march through Kiev.", "march"),
    ("Supporters will March on Washington.", "March"),
    ("The Sun reported the story first.", "Sun"),
    ("the Sunday Times reported the talks", "Sunday"),
    ("Prime Minister Theresa May said she agreed.", "May"),
    ("Theresa May and Angela Merkel spoke.", "May"),
    ("It allots $200 million for training.", "200"),
    ("It can be vetoed by any one of the 28 members.", "28"),
    ("Putin ordered some 17,600 Russian troops to return.", "17,600"),
    ("1 Comment\nMost Voted", "1"),
    ("no alternative to the Minsk II agreements", "II"),
    ("unity among the P5+1 is crucial", "5"),
    ("Fourth, the US is slowly beginning to recognise it.", "Fourth"),
    ("Second, the economic sanctions have not worked.", "Second"),
    ("Fifth, both Russia and the US also agree.", "Fifth"),
    ("the highest point since the Cold War.", "Cold"),
    ("allies in the fight against Nazism in World War II.", "War"),
    ("Russia's Victory Day celebrations", "Victory"),
    ("Soon after the Victory Day celebrations, Merkel flew.", "Day"),
    ("a 40,000-strong build-up of Russian troops", "40,000"),
    ("June Carter sang at the embassy.", "June"),
    ("April Ryan asked the first question.", "April"),
    ("Oil prices fall sharply on the news.", "fall"),
    ("the fall of the Berlin Wall", "fall"),
    ("the protests of the Arab Spring", "Spring"),
    ("They drank the spring water.", "spring"),
    ("They will hold a second meeting in Paris.", "second"),
    ("It was rejected for a second time.", "second"),
    ("Output reached 800,000 barrels a day.", "a day"),
    ("The refinery ships 3000 tonnes a week.", "3000"),
    ("Prices rose to 1,990 dlrs a tonne.", "1,990"),
    ("The mill sold 2000 tonnes last year.", "2000"),
    ("He scored 2014 points in the season.", "2014"),
    ("The motion passed by a 3:2 vote.", "3:2"),
    ("Room 1987 was booked.", "1987"),
    ("for the 1987/88 crop year", "1987"),
    ("in the 1986-87 season", "1986"),
    ("Filed under Chapter 11 protection.", "11"),
    ("under Article 5 of the treaty", "5"),
    ("Version 2.0 was released.", "2.0"),
    ("Inflation stood at 9 pct.", "9"),
    ("This was the first step towards normalising ties.", "first"),
    ("one possible outcome would be an invitation", "one"),
    ("The firm opened a day care centre.", "a day"),
    ("Revs 1,536,000 vs 1,743,000\n    Year\n    Shr 1.36 dlrs", "Year"),
    ("Kerry's third visit to the Russian capital", "third"),
    ("a Marching band played", "March"),
    ("Mayor Sobyanin greeted him.", "May"),
    ("Saint Augustine wrote it.", "August"),
    ("the Mar-a-Lago estate", "Mar"),
    ("Good question.", "Good"),
    ("The Decembrists revolted.", "December"),
    ("the Sochi summit and the Wimbledon final", "final"),
    ("a two-thirds majority", "two"),
    ("Several hundred protesters gathered.", "Several"),
    ("He won 6-4, 6-3 in the final.", "6"),
    ("They live at 1600 Pennsylvania Avenue.", "1600"),
    ("The yield was 7.25 pct in the auction.", "7.25"),
    ("I am sure of it.", "am"),
    ("At last, the stage was set.", "last"),
    ("the last word on the matter", "last"),
    ("a second-round vote", "second"),
    ("the May Day parade", "May"),
    ("the Kremlin's Sochi residence", "Sochi"),
    ("Secretary of State John Kerry", "State"),
    ("Dow Jones fell 2,000 points.", "2,000"),
    ("the Fourth of July celebrations", "Fourth"),
];

#[test]
fn look_alikes_are_not_dates() {
    check_misses("look-alikes", MISSES);
}

#[test]
fn table_is_substantial() {
    assert!(
        MISSES.len() >= 60,
        "the look-alike table holds {} cases",
        MISSES.len()
    );
}
