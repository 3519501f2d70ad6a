//! The five bundled articles a new library starts with.
//!
//! They are compiled into the binary so that the CLI and the installed app
//! seed a library without locating any data files at run time.

pub struct Seed {
    pub file_name: &'static str,
    pub bytes: &'static [u8],
}

macro_rules! seed {
    ($name:literal) => {
        Seed {
            file_name: $name,
            bytes: include_bytes!(concat!("../../../seeds/", $name)),
        }
    };
}

pub const SEEDS: [Seed; 5] = [
    seed!("000_e325a30fb16ebc76.txt"),
    seed!("001_cf794fa3ed9894e7.txt"),
    seed!("002_3611008345fb8c2c.txt"),
    seed!("003_6a7fe829be0dbd69.txt"),
    seed!("004_956d541092ac36de.txt"),
];
