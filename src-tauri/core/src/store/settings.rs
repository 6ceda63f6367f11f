//! SQL for the office's settings (`settings.rs` says what they are and allows their values).

use chrono::{DateTime, Utc};

use super::write::timestamp;
use crate::settings::Settings;
use crate::{Result, Store};

impl Store {
    /// The current settings; defaults for everything never changed.
    pub async fn settings(&self) -> Result<Settings> {
        let rows: Vec<(String, String)> = sqlx::query_as("SELECT key, value FROM settings")
            .fetch_all(&self.pool)
            .await?;
        Ok(Settings::from_rows(&rows))
    }

    /// Checks and stores all settings in one transaction; returns them as now stored.
    pub async fn update_settings(&self, settings: Settings, now: DateTime<Utc>) -> Result<Settings> {
        let settings = settings.validated()?;
        let mut tx = self.begin_write().await?;
        for (key, value) in settings.to_rows() {
            sqlx::query(
                "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            )
            .bind(key)
            .bind(value)
            .bind(timestamp(now))
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        self.settings().await
    }
}
