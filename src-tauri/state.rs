//! What the window's commands share: the opened store (or the German reason it could not be
//! opened, shown by the UI instead of a blank window) and the start instant.

use std::time::Instant;

use netzwerkmappe_core::{ErrorPayload, Store};

pub struct AppState {
    store: Result<Store, ErrorPayload>,
    /// Set when started with the hidden `--startzeit-messen` flag (benchmark).
    pub measure_startup: Option<Instant>,
}

impl AppState {
    pub fn new(store: Result<Store, ErrorPayload>, measure_startup: Option<Instant>) -> Self {
        AppState {
            store,
            measure_startup,
        }
    }

    /// The store, or the error from opening it: every command then reports the same message.
    pub fn store(&self) -> Result<&Store, ErrorPayload> {
        self.store.as_ref().map_err(Clone::clone)
    }
}
