//! What the window's commands share: the opened store (or the German reason it could not be
//! opened, shown by the UI instead of a blank window), the file the user picked for import, and the
//! start instant.
//!
//! The store sits behind a lock so it can be swapped while the window stays open (restoring a
//! backup replaces the data file). Commands take a cheap clone of the `Store` handle (a pool
//! reference) and never hold the lock across a query, so a swap waits for no one.
//!
//! The same lock lets the window open before the store does: at start the write half is held by
//! the task that opens the data file (quick check, migrations), so the webview loads meanwhile and
//! the first screen's commands simply wait for the store instead of the window waiting for it.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use netzwerkmappe_core::{Error, ErrorPayload, Store};
use tokio::sync::{Mutex, OwnedRwLockWriteGuard, RwLock};

/// Held while the data file is being opened; commands wait until `StoreOpening::finish`.
pub struct StoreOpening(OwnedRwLockWriteGuard<Result<Store, ErrorPayload>>);

impl StoreOpening {
    /// Hands the opened store (or the reason it could not be opened) to the waiting commands.
    pub fn finish(mut self, store: Result<Store, ErrorPayload>) {
        *self.0 = store;
    }
}

pub struct AppState {
    store: Arc<RwLock<Result<Store, ErrorPayload>>>,
    /// The file picked in the import dialog. Kept here, not sent by the UI, so the webview can only
    /// make Rust read a file the person chose in the system's dialog.
    import_file: Mutex<Option<PathBuf>>,
    /// Set when started with the hidden `--startzeit-messen` flag (benchmark).
    pub measure_startup: Option<Instant>,
}

impl AppState {
    #[cfg(test)]
    pub fn new(store: Result<Store, ErrorPayload>, measure_startup: Option<Instant>) -> Self {
        AppState {
            store: Arc::new(RwLock::new(store)),
            import_file: Mutex::new(None),
            measure_startup,
        }
    }

    /// A state whose store is still to be opened: every command waits until the returned
    /// `StoreOpening` is finished (or dropped, which leaves the placeholder error below).
    pub async fn opening(measure_startup: Option<Instant>) -> (Self, StoreOpening) {
        let placeholder =
            ErrorPayload::from(Error::Database("Die Datendatei wurde nicht geöffnet.".to_owned()));
        let store = Arc::new(RwLock::new(Err(placeholder)));
        // A fresh lock: the write half is free, so this returns at once.
        let guard = Arc::clone(&store).write_owned().await;
        let state = AppState {
            store,
            import_file: Mutex::new(None),
            measure_startup,
        };
        (state, StoreOpening(guard))
    }

    /// The store, or the error from opening it: every command then reports the same message.
    pub async fn store(&self) -> Result<Store, ErrorPayload> {
        self.store.read().await.clone()
    }

    /// Puts `new` in place of the current store and closes the old one. Commands that already
    /// cloned the old handle finish their query first (closing waits for the pool's connections to
    /// come back); every command after this call sees `new`.
    #[allow(dead_code)] // Called by the restore-from-backup command, which comes next.
    pub async fn replace_store(&self, new: Store) {
        let old = std::mem::replace(&mut *self.store.write().await, Ok(new));
        if let Ok(old) = old {
            old.close().await;
        }
    }

    /// Remembers the file the person picked for import (`None` after a cancelled dialog keeps it).
    pub async fn set_import_file(&self, path: PathBuf) {
        *self.import_file.lock().await = Some(path);
    }

    /// The file picked for import, if any.
    pub async fn import_file(&self) -> Option<PathBuf> {
        self.import_file.lock().await.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use netzwerkmappe_core::{Error, contact::ContactInput};

    fn contact(last: &str) -> ContactInput {
        ContactInput {
            last_name: last.into(),
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn the_store_can_be_swapped_while_the_state_lives() {
        let dir = tempfile::tempdir().unwrap();
        let first = Store::open(&dir.path().join("a.sqlite3")).await.unwrap();
        first
            .create_contact(contact("Alt"), chrono::Utc::now())
            .await
            .unwrap();
        let state = AppState::new(Ok(first), None);

        let before = state.store().await.unwrap();
        let second = Store::open(&dir.path().join("b.sqlite3")).await.unwrap();
        second
            .create_contact(contact("Neu"), chrono::Utc::now())
            .await
            .unwrap();
        state.replace_store(second).await;

        let now = state.store().await.unwrap();
        let names: Vec<String> = now
            .list_contacts(&Default::default())
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.last_name)
            .collect();
        assert_eq!(names, ["Neu"]);
        assert_eq!(now.path(), Some(dir.path().join("b.sqlite3").as_path()));
        // The old handle's pool was closed: a command still holding it gets an error, not old data.
        assert!(before.list_contacts(&Default::default()).await.is_err());
    }

    #[tokio::test]
    async fn a_store_that_failed_to_open_can_be_replaced_by_a_good_one() {
        let failed = ErrorPayload::from(Error::validation("Datendatei", "kaputt"));
        let state = AppState::new(Err(failed.clone()), None);
        assert_eq!(state.store().await.unwrap_err(), failed);
        state.replace_store(Store::open_in_memory().await.unwrap()).await;
        assert!(state.store().await.is_ok());
    }

    #[tokio::test]
    async fn commands_wait_until_the_store_is_open() {
        let (state, opening) = AppState::opening(None).await;
        let state = Arc::new(state);
        let waiting = {
            let state = Arc::clone(&state);
            tokio::spawn(async move { state.store().await })
        };
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        assert!(!waiting.is_finished(), "a command ran before the store was open");
        opening.finish(Ok(Store::open_in_memory().await.unwrap()));
        assert!(waiting.await.unwrap().is_ok());
        assert!(state.store().await.is_ok());
    }

    #[tokio::test]
    async fn the_picked_import_file_is_remembered() {
        let state = AppState::new(Ok(Store::open_in_memory().await.unwrap()), None);
        assert_eq!(state.import_file().await, None);
        state.set_import_file(PathBuf::from("/tmp/kontakte.csv")).await;
        assert_eq!(
            state.import_file().await,
            Some(PathBuf::from("/tmp/kontakte.csv"))
        );
    }
}
