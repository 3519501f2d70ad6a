//! Parley's desktop shell: window, plugins and thin commands over
//! [`parley_core::Library`]. No domain logic lives here; the CLI and this
//! app call the same library methods on the same data directory.

mod activity;
mod checkpoints;
mod commands;
pub mod error;
mod grants;
mod launch;
mod memory;
mod renderer;
pub mod state;

#[cfg(test)]
mod bindings;

use tauri::Manager;

use crate::state::AppState;

pub fn run() {
    // Before any thread starts: see memory.rs.
    memory::limit_arenas();
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,tantivy=warn".into()),
        )
        .init();
    // Before GTK starts and before any other thread: see renderer.rs.
    if renderer::choose() {
        tracing::info!("no GPU render node: WebKit draws with its CPU renderer");
    }
    // Same constraints: see memory.rs.
    if memory::web_gc_policy() {
        tracing::debug!("web process: full JavaScript collections come sooner");
    }

    let mut builder = tauri::Builder::default();
    // Registered first, as the plugin asks: a second launch hands over to
    // the running app (which comes to the front) and exits before it could
    // open the same library a second time. The plugin keys on the app's
    // identifier, not on the library, so a launch with its own
    // PARLEY_DATA_DIR (another library; a test run) is its own instance.
    if std::env::var_os(parley_core::datadir::DATA_DIR_ENV).is_none() {
        builder = builder.plugin(tauri_plugin_single_instance::init(launch::on_second_launch));
    }
    builder
        .plugin(tauri_plugin_window_state::Builder::default().build())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            // Same resolution as the CLI: PARLEY_DATA_DIR, else the app-data dir.
            let dir = parley_core::datadir::resolve(None);
            tracing::info!("library: {}", dir.display());
            app.manage(AppState::open(&dir));
            // What the user chose, dropped or opened Parley with: the only
            // files `import_paths` reads (#7).
            let grants = grants::GrantedPaths::default();
            app.manage(launch::LaunchPaths::new(
                std::env::args_os().skip(1),
                &grants,
            ));
            app.manage(grants);
            app.manage(commands::reveal::Exported::default());
            memory::spawn_trimmer();
            Ok(())
        })
        .on_window_event(launch::on_window_event)
        .invoke_handler({
            let commands: fn(tauri::ipc::Invoke) -> bool = tauri::generate_handler![
                commands::library::library_info,
                commands::library::list_articles,
                commands::library::get_article,
                commands::library::set_metadata,
                commands::search::search,
                commands::import::choose_import,
                commands::import::import_paths,
                commands::import::reindex,
                commands::tagging::codebook,
                commands::tagging::create_tag,
                commands::tagging::edit_tag,
                commands::tagging::merge_tags,
                commands::tagging::tag_usage,
                commands::tagging::delete_tag,
                commands::tagging::passages,
                commands::tagging::passage,
                commands::tagging::tag_span,
                commands::tagging::add_passage_tag,
                commands::tagging::remove_passage_tag,
                commands::tagging::set_passage_note,
                commands::tagging::delete_passage,
                commands::tagging::move_tag,
                commands::tagging::set_tag_shortcut,
                commands::notes::notes,
                commands::notes::add_note,
                commands::notes::update_note,
                commands::notes::delete_note,
                commands::notes::cite,
                commands::notes::notes_citing,
                commands::history::undo,
                commands::history::redo,
                commands::history::review,
                commands::history::accept_passage,
                commands::history::reattach_passage,
                commands::search::search_annotations,
                commands::dates::article_dates,
                commands::timeline::timeline,
                commands::timeline::confirm_event,
                commands::timeline::edit_event,
                commands::timeline::delete_event,
                commands::timeline::merge_events,
                commands::timeline::split_event,
                commands::timeline::add_event,
                commands::timeline::entities,
                commands::timeline::rename_entity,
                commands::timeline::merge_entities,
                commands::timeline::split_entity,
                commands::timeline::entity_keys,
                commands::export::export_preview,
                commands::export::export_to,
                commands::export::choose_export_template,
                commands::reveal::reveal,
                launch::take_launch_paths,
            ];
            // Upkeep waits for a quiet moment (see `activity`).
            move |invoke| {
                activity::command_came();
                commands(invoke)
            }
        })
        .run(tauri::generate_context!())
        .expect("error while running Parley");
}
