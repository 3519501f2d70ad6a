//! Declares the app's commands to Tauri so that each gets an `allow-<name>`
//! permission: a command the capability file does not grant cannot be called
//! from the webview, even if it is registered.

const COMMANDS: &[&str] = &[
    "library_info",
    "list_articles",
    "get_article",
    "set_metadata",
    "search",
    "import_paths",
    "reindex",
    "take_launch_paths",
    "choose_import",
    "reveal",
    "codebook",
    "create_tag",
    "edit_tag",
    "merge_tags",
    "tag_usage",
    "delete_tag",
    "passages",
    "passage",
    "tag_span",
    "add_passage_tag",
    "remove_passage_tag",
    "set_passage_note",
    "delete_passage",
    "move_tag",
    "set_tag_shortcut",
    "notes",
    "add_note",
    "update_note",
    "delete_note",
    "cite",
    "notes_citing",
    "undo",
    "redo",
    "review",
    "accept_passage",
    "reattach_passage",
    "search_annotations",
    "article_dates",
    "timeline",
    "confirm_event",
    "edit_event",
    "delete_event",
    "merge_events",
    "split_event",
    "add_event",
    "entities",
    "rename_entity",
    "merge_entities",
    "split_entity",
    "entity_keys",
    "export_preview",
    "export_to",
    "choose_export_template",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run the Tauri build script");
}
