//! A progress bar for long work, shown only when stderr is a terminal (and
//! never with `--json`, whose consumers read stdout).

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};
use parley_core::Progress;

pub struct Bar {
    bar: Option<ProgressBar>,
}

impl Bar {
    pub fn new(label: &'static str, json: bool) -> Bar {
        let show = !json && std::io::stderr().is_terminal();
        let bar = show.then(|| {
            let bar = ProgressBar::new(0);
            bar.set_style(
                ProgressStyle::with_template(&format!(
                    "{label} [{{bar:40}}] {{pos}}/{{len}} ({{per_sec}}, {{eta}} left) {{wide_msg}}"
                ))
                .expect("the template is valid")
                .progress_chars("=> "),
            );
            bar
        });
        Bar { bar }
    }

    pub fn update(&mut self, p: &Progress) {
        if let Some(bar) = &self.bar {
            bar.set_length(p.total as u64);
            bar.set_position(p.done as u64);
            if let Some(current) = &p.current {
                bar.set_message(current.clone());
            }
        }
    }

    pub fn finish(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
