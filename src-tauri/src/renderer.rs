//! Which WebKitGTK renderer the window uses. Since 2.42 WebKitGTK draws
//! through its DMA-BUF renderer, which wants a GPU. Where there is none (a
//! virtual machine, a remote desktop, Xvfb) it still starts, on Mesa's
//! software GL (llvmpipe), and every frame costs what a GPU would do for
//! free: measured here with 21,000 articles, a search palette's frames took
//! 90-800 ms instead of 2-50 ms, and the web process held 240 MB instead of
//! 75 MB. WebKit's older renderer draws such machines' frames on the CPU
//! directly. So without a GPU render node Parley asks for that one; with a
//! GPU it leaves WebKit's choice alone. Either way the user has the last
//! word: a `WEBKIT_DISABLE_DMABUF_RENDERER` already set (to 0 or 1) is kept.

use std::path::Path;

const VAR: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";

/// Sets `WEBKIT_DISABLE_DMABUF_RENDERER=1` when no GPU render node exists
/// and the user has not chosen; returns whether it did. Call before any
/// thread is started and before GTK: the environment is read once, and the
/// web processes WebKit spawns inherit it.
pub fn choose() -> bool {
    if !needs_cpu_renderer(std::env::var_os(VAR).is_some(), Path::new("/dev/dri")) {
        return false;
    }
    std::env::set_var(VAR, "1");
    true
}

/// Whether to ask for the CPU renderer: not when the user set the variable,
/// nor when `dri` holds a render node (`renderD128`…), GPU or not.
fn needs_cpu_renderer(user_chose: bool, dri: &Path) -> bool {
    if user_chose || !cfg!(target_os = "linux") {
        return false;
    }
    let has_render_node = std::fs::read_dir(dri)
        .map(|entries| {
            entries
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false);
    !has_render_node
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_for_the_cpu_renderer_only_without_a_render_node_and_without_a_user_choice() {
        let dir = tempfile::tempdir().unwrap();
        let dri = dir.path().join("dri");
        assert!(
            needs_cpu_renderer(false, &dri),
            "no /dev/dri at all: no GPU"
        );
        std::fs::create_dir(&dri).unwrap();
        std::fs::write(dri.join("card0"), b"").unwrap();
        assert!(
            needs_cpu_renderer(false, &dri),
            "a display card without a render node"
        );
        std::fs::write(dri.join("renderD128"), b"").unwrap();
        assert!(
            !needs_cpu_renderer(false, &dri),
            "a render node: WebKit's own choice"
        );
        std::fs::remove_file(dri.join("renderD128")).unwrap();
        assert!(!needs_cpu_renderer(true, &dri), "the user's setting wins");
    }
}
