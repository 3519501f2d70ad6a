// Keeps Windows release builds from opening a console next to the window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    parley_desktop::run();
}
