use super::recognise;
use chrono::NaiveDate;

#[test]
fn dump_seeds() {
    let refs = [
        "2015-07-07",
        "2015-05-26",
        "2014-10-13",
        "2014-03-29",
        "2016-03-25",
    ];
    for (seed, r) in crate::seeds::SEEDS.iter().zip(refs) {
        let text = String::from_utf8_lossy(seed.bytes);
        let r = NaiveDate::parse_from_str(r, "%Y-%m-%d").ok();
        println!("== {}", seed.file_name);
        for e in recognise(&text, r) {
            println!(
                "{:>5} {:<30} {:?} {:?} {:?}",
                e.start,
                format!("{:?}", e.text),
                e.timex_type,
                e.value,
                e.resolution
            );
        }
    }
}
