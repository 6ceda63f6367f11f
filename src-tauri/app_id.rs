//! Windows only: gives the process the AppUserModelID that the installers put on the Start-menu
//! shortcut (packaging/windows). With both the same, the taskbar groups the running window with
//! a pinned shortcut, and Windows attributes the reminders' toasts (`reminders.rs`) to the
//! installed app. On other platforms this is a no-op.

/// The bundle identifier (tauri.conf.json); also the toasts' app id in `reminders.rs`.
#[cfg(windows)]
const APP_USER_MODEL_ID: &str = "de.netzwerk-integration-bw.netzwerkmappe";

#[cfg(windows)]
#[allow(unsafe_code)] // One FFI call with a string the callee copies.
pub fn set_for_process() {
    #[link(name = "shell32")]
    unsafe extern "system" {
        fn SetCurrentProcessExplicitAppUserModelID(app_id: *const u16) -> i32;
    }
    let id: Vec<u16> = APP_USER_MODEL_ID.encode_utf16().chain(Some(0)).collect();
    // SAFETY: `id` is a NUL-terminated UTF-16 string that lives until the call returns; the
    // function copies it. A failure only costs the taskbar grouping, so its HRESULT is ignored.
    let _ = unsafe { SetCurrentProcessExplicitAppUserModelID(id.as_ptr()) };
}

#[cfg(not(windows))]
pub fn set_for_process() {}
