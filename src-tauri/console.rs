//! Windows only: a GUI-subsystem binary has no console, so CLI output would vanish. Attaching to
//! the parent's console makes `netzwerkmappe --help` print into cmd.exe / PowerShell.
//! On other platforms this is a no-op.

#[cfg(windows)]
#[allow(unsafe_code)] // One FFI call with no pointers; failure (no parent console) is harmless.
pub fn attach_to_parent() {
    use windows_sys::Win32::System::Console::{ATTACH_PARENT_PROCESS, AttachConsole};
    // SAFETY: AttachConsole takes a process id by value and has no memory-safety preconditions.
    unsafe {
        AttachConsole(ATTACH_PARENT_PROCESS);
    }
}

#[cfg(not(windows))]
pub fn attach_to_parent() {}
