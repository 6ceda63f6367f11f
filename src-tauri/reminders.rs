//! Erinnerungen in the shell: at start and every 30 minutes the due reminders (the rule is in
//! `netzwerkmappe_core::reminder`) are offered to the desktop as notifications. A notification
//! service may be missing (no D-Bus, a locked-down PC) or hang, so every attempt runs on a blocking
//! thread with a timeout; what was not delivered stays pending and the window shows it instead
//! (`commands::reminders`). A reminder is marked shown only once it was really shown.

use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use netzwerkmappe_core::reminder::Reminder;
use netzwerkmappe_core::store::Store;
use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;

/// How often the shell looks for new reminders while the app runs.
const CHECK_EVERY: Duration = Duration::from_secs(30 * 60);
/// Longest wait for the notification service; a hanging D-Bus must not hold the check up.
const NOTIFY_TIMEOUT: Duration = Duration::from_secs(3);
/// Event telling the window to reload its reminder list after a check.
pub const CHANGED_EVENT: &str = "erinnerungen-geaendert";

/// Shows one reminder on the desktop. A trait so tests can stand in for a missing or hanging
/// notification service.
pub trait Notifier: Send + Sync + 'static {
    fn show(&self, reminder: &Reminder) -> Result<(), String>;
}

/// The system's notifications through notify-rust.
pub struct DesktopNotifier;

impl Notifier for DesktopNotifier {
    fn show(&self, reminder: &Reminder) -> Result<(), String> {
        let mut notification = notify_rust::Notification::new();
        notification
            .summary(&reminder.title)
            .body(&reminder.body)
            .appname("Netzwerkmappe");
        // Windows attributes toasts to an app id; the bundle identifier is the installed one.
        #[cfg(windows)]
        notification.app_id("de.netzwerk-integration-bw.netzwerkmappe");
        notification.show().map(|_| ()).map_err(|e| e.to_string())
    }
}

/// Offers every pending reminder to `notifier` (if reminders are on) and marks the delivered ones
/// shown. Stops at the first failure: without a notification service every further attempt would
/// only cost another timeout. Returns how many were delivered.
pub async fn deliver(store: &Store, notifier: Arc<dyn Notifier>, timeout: Duration) -> usize {
    let settings = match store.settings().await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("Erinnerungen: Einstellungen nicht lesbar ({e}).");
            return 0;
        }
    };
    if !settings.reminders_enabled {
        return 0;
    }
    let pending = match store
        .pending_reminders(Utc::now(), i64::from(settings.reminder_days))
        .await
    {
        Ok(p) => p,
        Err(e) => {
            eprintln!("Erinnerungen: nicht lesbar ({e}).");
            return 0;
        }
    };
    let mut delivered = Vec::new();
    for reminder in pending {
        let notifier = Arc::clone(&notifier);
        let key = reminder.key.clone();
        let attempt = tokio::task::spawn_blocking(move || notifier.show(&reminder));
        match tokio::time::timeout(timeout, attempt).await {
            Ok(Ok(Ok(()))) => delivered.push(key),
            // No service, a refusal, a panic in the library or no answer in time: the window
            // shows this and the rest.
            _ => break,
        }
    }
    if !delivered.is_empty()
        && let Err(e) = store.mark_reminders_shown(&delivered, Utc::now()).await
    {
        eprintln!("Erinnerungen: nicht als gezeigt gespeichert ({e}).");
    }
    delivered.len()
}

/// Runs the check at start and then every 30 minutes, telling the window after each check. The
/// store is fetched from the app state at each check, so a store swapped meanwhile (restoring a
/// backup) is the one checked.
pub fn spawn(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        let notifier: Arc<dyn Notifier> = Arc::new(DesktopNotifier);
        let mut ticker = tokio::time::interval(CHECK_EVERY);
        loop {
            // The first tick fires at once: the check at start.
            ticker.tick().await;
            let Ok(store) = app.state::<AppState>().store().await else {
                // The data file could not be opened; the window already says why.
                continue;
            };
            deliver(&store, Arc::clone(&notifier), NOTIFY_TIMEOUT).await;
            // Best effort: a window not listening (yet) loads the list itself after its first screen.
            let _ = app.emit(CHANGED_EVENT, ());
        }
    });
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    struct Failing;
    impl Notifier for Failing {
        fn show(&self, _: &Reminder) -> Result<(), String> {
            Err("org.freedesktop.DBus.Error.ServiceUnknown".into())
        }
    }
    struct Hanging;
    impl Notifier for Hanging {
        fn show(&self, _: &Reminder) -> Result<(), String> {
            std::thread::sleep(Duration::from_secs(1));
            Ok(())
        }
    }
    struct Working;
    impl Notifier for Working {
        fn show(&self, _: &Reminder) -> Result<(), String> {
            Ok(())
        }
    }

    async fn demo_store(dir: &std::path::Path) -> Store {
        let store = Store::open(&dir.join("netzwerkmappe.sqlite")).await.unwrap();
        netzwerkmappe_core::usecase::demo::fill(&store, Utc::now())
            .await
            .unwrap();
        store
    }

    async fn pending(store: &Store) -> usize {
        store.pending_reminders(Utc::now(), 7).await.unwrap().len()
    }

    #[tokio::test]
    async fn without_a_notification_service_nothing_is_marked_shown_and_the_window_gets_all() {
        let dir = tempfile::tempdir().unwrap();
        let store = demo_store(dir.path()).await;
        let before = pending(&store).await;
        assert!(before > 0, "the demo network has overdue tasks");
        assert_eq!(deliver(&store, Arc::new(Failing), NOTIFY_TIMEOUT).await, 0);
        assert_eq!(pending(&store).await, before);

        // A service that never answers: the check gives up after the timeout, nothing marked.
        let started = std::time::Instant::now();
        assert_eq!(
            deliver(&store, Arc::new(Hanging), Duration::from_millis(200)).await,
            0
        );
        assert!(started.elapsed() < Duration::from_secs(2));
        assert_eq!(pending(&store).await, before);
    }

    #[tokio::test]
    async fn delivered_reminders_are_marked_shown_and_not_offered_again() {
        let dir = tempfile::tempdir().unwrap();
        let store = demo_store(dir.path()).await;
        let before = pending(&store).await;
        assert_eq!(deliver(&store, Arc::new(Working), NOTIFY_TIMEOUT).await, before);
        assert_eq!(pending(&store).await, 0);
        assert_eq!(deliver(&store, Arc::new(Working), NOTIFY_TIMEOUT).await, 0);
    }

    #[tokio::test]
    async fn reminders_switched_off_are_not_offered() {
        let dir = tempfile::tempdir().unwrap();
        let store = demo_store(dir.path()).await;
        let mut settings = store.settings().await.unwrap();
        settings.reminders_enabled = false;
        store.update_settings(settings, Utc::now()).await.unwrap();
        let before = pending(&store).await;
        assert_eq!(deliver(&store, Arc::new(Working), NOTIFY_TIMEOUT).await, 0);
        assert_eq!(pending(&store).await, before);
    }
}

#[cfg(all(test, target_os = "linux"))]
mod desktop_tests {
    use super::*;

    /// Where no session bus exists at all (CI, Xvfb), the real notifier must fail, and fast, so
    /// the window gets the reminders. Skipped where a desktop session could show a notification.
    #[test]
    fn the_real_notifier_fails_quickly_without_a_session_bus() {
        let uid_bus = std::path::Path::new("/run/user").join(
            std::env::var("UID")
                .or_else(|_| std::env::var("EUID"))
                .unwrap_or_default(),
        );
        if std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some() || uid_bus.join("bus").exists() {
            return;
        }
        let reminder = Reminder {
            key: "test".into(),
            kind: netzwerkmappe_core::reminder::ReminderKind::Session,
            title: "Sitzung morgen".into(),
            body: "Test".into(),
            text: "Sitzung ‚Test‘ am …".into(),
            session_id: 1,
            action_item_id: None,
        };
        let started = std::time::Instant::now();
        assert!(DesktopNotifier.show(&reminder).is_err());
        assert!(started.elapsed() < NOTIFY_TIMEOUT, "{:?}", started.elapsed());
    }
}
