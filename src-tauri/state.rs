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

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use netzwerkmappe_core::backup::CheckResult;
use netzwerkmappe_core::{Error, ErrorPayload, store::Store};
use serde::Serialize;
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
    /// The data file, known even when it could not be opened (restoring over a damaged one).
    data_file: OnceLock<PathBuf>,
    /// Damage found after the store opened (the background `integrity_check`): the window then
    /// offers the same choices as for a file that failed its check at start.
    damage: Mutex<Option<ErrorPayload>>,
    /// The latest full check of this session, for the "Datensicherung" screen.
    last_check: Mutex<Option<LastCheck>>,
}

/// A full check and when it ran.
#[derive(Debug, Clone, Serialize)]
pub struct LastCheck {
    /// "27.11.2026, 09:35 Uhr"
    pub when: String,
    #[serde(flatten)]
    pub result: CheckResult,
}

impl AppState {
    #[cfg(test)]
    pub fn new(store: Result<Store, ErrorPayload>, measure_startup: Option<Instant>) -> Self {
        AppState {
            store: Arc::new(RwLock::new(store)),
            import_file: Mutex::new(None),
            measure_startup,
            data_file: OnceLock::new(),
            damage: Mutex::new(None),
            last_check: Mutex::new(None),
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
            data_file: OnceLock::new(),
            damage: Mutex::new(None),
            last_check: Mutex::new(None),
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
    #[allow(dead_code)] // Restores go through `reopen_after`, which also swaps the file itself.
    pub async fn replace_store(&self, new: Store) {
        let old = std::mem::replace(&mut *self.store.write().await, Ok(new));
        if let Ok(old) = old {
            old.close().await;
        }
    }

    /// Remembers where the data file is (once, at start).
    pub fn set_data_file(&self, path: PathBuf) {
        let _ = self.data_file.set(path);
    }

    /// The data file's path.
    pub fn data_file(&self) -> Result<&Path, ErrorPayload> {
        self.data_file.get().map(PathBuf::as_path).ok_or_else(|| {
            ErrorPayload::from(Error::Database("Die Datendatei ist nicht bekannt.".to_owned()))
        })
    }

    /// Closes the store, lets `change` replace or set aside the data file, and opens whatever is
    /// then at the data file's place (also when `change` failed: then the old file again). Every
    /// command waits meanwhile; none sees a closed store.
    pub async fn reopen_after<F>(&self, change: F) -> Result<Option<PathBuf>, ErrorPayload>
    where
        F: FnOnce(&Path) -> Result<Option<PathBuf>, Error>,
    {
        let data_file = self.data_file()?.to_path_buf();
        let mut guard = self.store.write().await;
        let closed = ErrorPayload::from(Error::Database("Die Datendatei wird ersetzt.".to_owned()));
        if let Ok(old) = std::mem::replace(&mut *guard, Err(closed)) {
            old.close().await;
        }
        let changed = change(&data_file);
        let opened = Store::open(&data_file).await.map_err(ErrorPayload::from);
        if opened.is_ok() {
            *self.damage.lock().await = None;
            *self.last_check.lock().await = None;
        }
        *guard = opened;
        drop(guard);
        Ok(changed?)
    }

    /// Damage the background check found in the open store.
    pub async fn set_damage(&self, damage: ErrorPayload) {
        *self.damage.lock().await = Some(damage);
    }

    pub async fn damage(&self) -> Option<ErrorPayload> {
        self.damage.lock().await.clone()
    }

    pub async fn set_last_check(&self, check: LastCheck) {
        *self.last_check.lock().await = Some(check);
    }

    pub async fn last_check(&self) -> Option<LastCheck> {
        self.last_check.lock().await.clone()
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
    async fn reopen_after_swaps_the_file_under_the_open_store() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("netzwerkmappe.sqlite3");
        let other = dir.path().join("andere.sqlite3");
        let second = Store::open(&other).await.unwrap();
        second
            .create_contact(contact("Aus der Sicherung"), chrono::Utc::now())
            .await
            .unwrap();
        second.close().await;
        let state = AppState::new(Ok(Store::open(&file).await.unwrap()), None);
        state.set_data_file(file.clone());
        state
            .set_damage(ErrorPayload::from(Error::validation("x", "y")))
            .await;

        let moved = state
            .reopen_after(|data_file| {
                std::fs::rename(data_file, dir.path().join("alt.sqlite3")).unwrap();
                std::fs::rename(&other, data_file).unwrap();
                Ok(None)
            })
            .await
            .unwrap();
        assert_eq!(moved, None);
        let names: Vec<String> = state
            .store()
            .await
            .unwrap()
            .list_contacts(&Default::default())
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.last_name)
            .collect();
        assert_eq!(names, ["Aus der Sicherung"]);
        assert!(state.damage().await.is_none(), "a good file clears the damage");

        // A change that fails leaves the old file open again, with its error reported.
        let err = state
            .reopen_after(|_| Err(Error::validation("Sicherung", "passt nicht")))
            .await
            .unwrap_err();
        assert!(err.message.contains("passt nicht"));
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
